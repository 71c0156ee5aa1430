package app.marquee.catalog.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MediaListRepository extends JpaRepository<MediaList, Long> {

    Optional<MediaList> findBySlug(String slug);

    List<MediaList> findAllByOrderByIdAsc();

    List<MediaList> findByKindOrderByIdAsc(String kind);

    @Query(ListItemRow.SELECT + " where i.list.id = :listId order by i.position")
    List<ListItemRow> findItemRows(long listId);

    /** (movie id, genre TMDB id) of every genre of the list's movies; one parameter, so its plan is cached. */
    @Query("select m.id, g.tmdbId from MediaListItem i join i.movie m join m.genres g where i.list.id = :listId")
    List<Object[]> findMovieGenres(long listId);

    @Query("select s.id, g.tmdbId from MediaListItem i join i.show s join s.genres g where i.list.id = :listId")
    List<Object[]> findShowGenres(long listId);

    @Modifying
    @Query("delete from MediaListItem i where i.list = :list")
    void deleteItems(MediaList list);
}
