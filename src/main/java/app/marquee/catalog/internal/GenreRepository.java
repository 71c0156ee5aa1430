package app.marquee.catalog.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GenreRepository extends JpaRepository<Genre, Long> {

    List<Genre> findByTmdbIdIn(Collection<Integer> tmdbIds);

    @Query("select distinct g from Genre g left join fetch g.translations")
    List<Genre> findAllWithTranslations();
}
