package app.marquee.catalog.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MovieRepository extends JpaRepository<Movie, Long> {

    Optional<Movie> findByTmdbId(int tmdbId);

    /** The movie with its genres in one query: the hot path of {@code GET /api/movies/:id}. */
    @Query("select m from Movie m left join fetch m.genres where m.tmdbId = :tmdbId")
    Optional<Movie> findWithGenres(int tmdbId);

    /** Movies whose English title contains {@code pattern} (a lower-case LIKE pattern), most popular first. */
    @Query("select m.tmdbId from Movie m where lower(m.title) like :pattern order by m.popularity desc nulls last")
    List<Integer> findTmdbIdsByTitleLike(String pattern, Pageable page);

    @Query("select m.tmdbId from Movie m where m.tmdbId in :tmdbIds")
    List<Integer> findStoredTmdbIds(Collection<Integer> tmdbIds);

    /** Movies whose details were read before {@code before}, stalest first. */
    @Query("select m.tmdbId from Movie m where m.tmdbSyncedAt < :before order by m.tmdbSyncedAt")
    List<Integer> findStale(Instant before, Pageable page);

    /** Movies whose sources were never searched, most popular first. */
    @Query("select m from Movie m where m.sourcesSearchedAt is null order by m.popularity desc nulls last, m.id")
    List<Movie> findNeverSearchedForSources(Pageable page);

    /** Movies whose sources were last searched before {@code before}, stalest first. */
    @Query("select m from Movie m where m.sourcesSearchedAt < :before order by m.sourcesSearchedAt")
    List<Movie> findSourcesSearchedBefore(Instant before, Pageable page);
}
