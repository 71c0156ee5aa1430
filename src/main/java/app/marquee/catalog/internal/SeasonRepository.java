package app.marquee.catalog.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SeasonRepository extends JpaRepository<Season, Long> {

    @Query("select s from Season s left join fetch s.episodes where s.show.tmdbId = :showTmdbId and s.seasonNumber = :number")
    Optional<Season> findWithEpisodes(int showTmdbId, int number);

    boolean existsByEpisodesSyncedAtIsNull();

    /** Seasons whose episodes were never read, as (show TMDB id, season number), oldest first. */
    @Query("select s.show.tmdbId, s.seasonNumber from Season s where s.episodesSyncedAt is null order by s.id")
    List<Object[]> findIncomplete(Pageable page);
}
