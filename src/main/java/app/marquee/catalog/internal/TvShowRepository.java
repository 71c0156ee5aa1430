package app.marquee.catalog.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TvShowRepository extends JpaRepository<TvShow, Long> {

    @Query("select s from TvShow s left join fetch s.seasons where s.tmdbId = :tmdbId")
    Optional<TvShow> findWithSeasons(int tmdbId);
}
