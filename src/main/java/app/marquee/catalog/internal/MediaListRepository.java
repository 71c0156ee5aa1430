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

    @Query("select i from MediaListItem i left join fetch i.movie left join fetch i.show where i.list = :list order by i.position")
    List<MediaListItem> findItems(MediaList list);

    @Modifying
    @Query("delete from MediaListItem i where i.list = :list")
    void deleteItems(MediaList list);
}
