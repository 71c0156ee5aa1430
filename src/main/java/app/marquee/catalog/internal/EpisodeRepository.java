package app.marquee.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EpisodeRepository extends JpaRepository<Episode, Long> {

    @Query("select e from Episode e join fetch e.season s join fetch s.show where e.id = :id")
    Optional<Episode> findWithShow(long id);

    @Query("select e from Episode e join fetch e.season s join fetch s.show sh"
            + " where sh.tmdbId = :showTmdbId and s.seasonNumber = :season and e.episodeNumber = :episode")
    Optional<Episode> findByNumbers(int showTmdbId, int season, int episode);

    /**
     * Aired episodes never searched for sources, of seasons someone watches (one of whose episodes was searched):
     * the ones likely to be played next, most popular show first, in episode order.
     */
    @Query("select e from Episode e join fetch e.season s join fetch s.show sh"
            + " where e.sourcesSearchedAt is null and e.airDate <= :today"
            + " and exists (select 1 from Episode o where o.season = s and o.sourcesSearchedAt is not null)"
            + " order by sh.popularity desc nulls last, s.seasonNumber, e.episodeNumber, e.id")
    List<Episode> findNextNeverSearched(LocalDate today, Pageable page);

    @Query("select e from Episode e join fetch e.season s join fetch s.show"
            + " where e.sourcesSearchedAt < :before order by e.sourcesSearchedAt, e.id")
    List<Episode> findSourcesSearchedBefore(Instant before, Pageable page);
}
