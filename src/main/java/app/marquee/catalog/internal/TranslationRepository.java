package app.marquee.catalog.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Translations of movies and shows in one base language ({@code es} finds {@code es-ES} and {@code es-MX}). */
interface TranslationRepository extends JpaRepository<MovieTranslation, Long> {

    @Query("select t.movie.id, t from MovieTranslation t where t.movie.id in :movieIds and t.language like :base%")
    List<Object[]> findMovieTranslations(Collection<Long> movieIds, String base);

    @Query("select t.show.id, t from TvShowTranslation t where t.show.id in :showIds and t.language like :base%")
    List<Object[]> findShowTranslations(Collection<Long> showIds, String base);
}
