package app.marquee.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface MediaListItemRepository extends JpaRepository<MediaListItem, Long> {
}
