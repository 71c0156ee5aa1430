package app.marquee.streaming.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A key that lets a {@code <video>} element fetch one title: only its SHA-256 is stored; it is bound to its
 * user, title and the source chosen when it was issued, and expires.
 */
@Entity
@Table(name = "streaming_key")
class StreamingKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "key_hash", nullable = false, updatable = false, length = 64)
    private String keyHash;

    @Column(name = "user_id", nullable = false, updatable = false, length = 36)
    private String userId;

    @Column(name = "movie_id", updatable = false)
    private @Nullable Long movieId;

    @Column(name = "episode_id", updatable = false)
    private @Nullable Long episodeId;

    @Column(name = "source_id", updatable = false)
    private @Nullable Long sourceId;

    @Column(name = "quality", updatable = false, length = 8)
    private @Nullable String quality;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @SuppressWarnings("NullAway.Init")
    protected StreamingKey() {
    }

    /** Exactly one of {@code movieId} and {@code episodeId} is given. */
    StreamingKey(String keyHash, String userId, @Nullable Long movieId, @Nullable Long episodeId, long sourceId,
            @Nullable String quality, Instant now, Instant expiresAt) {
        this.keyHash = keyHash;
        this.userId = userId;
        this.movieId = movieId;
        this.episodeId = episodeId;
        this.sourceId = sourceId;
        this.quality = quality;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    String keyHash() {
        return keyHash;
    }

    String userId() {
        return userId;
    }

    @Nullable Long movieId() {
        return movieId;
    }

    @Nullable Long episodeId() {
        return episodeId;
    }

    @Nullable Long sourceId() {
        return sourceId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
