package app.marquee.catalog.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A named list of titles: {@code tmdb} lists are filled from a TMDB list endpoint ({@code tmdbSource}) by
 * the list refresh task; {@code curated} lists are kept by an admin.
 */
@Entity
@Table(name = "media_list")
class MediaList {

    static final String TMDB = "tmdb";
    static final String CURATED = "curated";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slug", nullable = false, length = 100)
    private String slug;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "description", length = 1000)
    private @Nullable String description;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "tmdb_source")
    private @Nullable String tmdbSource;

    @Column(name = "owner_user_id", length = 36)
    private @Nullable String ownerUserId;

    @Column(name = "refreshed_at")
    private @Nullable Instant refreshedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MediaList() {
    }

    MediaList(String slug, String name, @Nullable String description, String kind, @Nullable String tmdbSource,
            Instant now) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.kind = kind;
        this.tmdbSource = tmdbSource;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A list of one user's own (their Trakt watchlist), seen by nobody else. */
    static MediaList ownedBy(String ownerUserId, String slug, String name, @Nullable String description, String kind,
            Instant now) {
        MediaList list = new MediaList(slug, name, description, kind, null, now);
        list.ownerUserId = ownerUserId;
        return list;
    }

    void describe(String newName, @Nullable String newDescription, Instant now) {
        name = newName;
        description = newDescription;
        updatedAt = now;
    }

    void refreshed(Instant now) {
        refreshedAt = now;
        updatedAt = now;
    }

    Long id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    @Nullable String description() {
        return description;
    }

    String kind() {
        return kind;
    }

    @Nullable String ownerUserId() {
        return ownerUserId;
    }

    /** True when {@code userId} may see it: lists without an owner are everyone's. */
    boolean visibleTo(String userId) {
        return ownerUserId == null || ownerUserId.equals(userId);
    }

    @Nullable String tmdbSource() {
        return tmdbSource;
    }

    @Nullable Instant refreshedAt() {
        return refreshedAt;
    }
}
