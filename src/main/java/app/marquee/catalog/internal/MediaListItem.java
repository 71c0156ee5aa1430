package app.marquee.catalog.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A movie or a show at a position of a list. */
@Entity
@Table(name = "media_list_item")
class MediaListItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "media_list_id", nullable = false)
    private MediaList list;

    @Column(name = "position", nullable = false)
    private int position;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "movie_id")
    private @Nullable Movie movie;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "tv_show_id")
    private @Nullable TvShow show;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected MediaListItem() {
    }

    MediaListItem(MediaList list, int position, @Nullable Movie movie, @Nullable TvShow show, Instant now) {
        this.list = list;
        this.position = position;
        this.movie = movie;
        this.show = show;
        this.addedAt = now;
    }
}
