package app.marquee.catalog.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TvShowRepository extends JpaRepository<TvShow, Long> {

    /** Shows whose English name contains {@code pattern} (a lower-case LIKE pattern), most popular first. */
    @Query("select s.tmdbId from TvShow s where lower(s.name) like :pattern order by s.popularity desc nulls last")
    java.util.List<Integer> findTmdbIdsByNameLike(String pattern, org.springframework.data.domain.Pageable page);

    @Query("select s from TvShow s left join fetch s.seasons where s.tmdbId = :tmdbId")
    Optional<TvShow> findWithSeasons(int tmdbId);
}
