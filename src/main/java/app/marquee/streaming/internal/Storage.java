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
 * The download of one source on this server's disk: where it is, how much of its video is there, and when
 * it was last watched (the disk quota evicts the least recently watched first).
 */
@Entity
@Table(name = "storage")
class Storage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "movie_source_id", nullable = false, updatable = false)
    private long movieSourceId;

    @Column(name = "location", nullable = false, length = 1024)
    private String location;

    @Column(name = "total_bytes", nullable = false)
    private long totalBytes;

    @Column(name = "downloaded_bytes", nullable = false)
    private long downloadedBytes;

    @Column(name = "pieces_total", nullable = false)
    private int piecesTotal;

    @Column(name = "pieces_done", nullable = false)
    private int piecesDone;

    @Column(name = "last_accessed_at", nullable = false)
    private Instant lastAccessedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @SuppressWarnings("NullAway.Init")
    protected Storage() {
    }

    Storage(long movieSourceId, String location, long totalBytes, int piecesTotal, Instant now) {
        this.movieSourceId = movieSourceId;
        this.location = location;
        this.totalBytes = totalBytes;
        this.piecesTotal = piecesTotal;
        this.lastAccessedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void progress(long bytes, int pieces, Instant now) {
        downloadedBytes = Math.clamp(bytes, 0, totalBytes);
        piecesDone = Math.clamp(pieces, 0, piecesTotal);
        updatedAt = now;
    }

    void accessed(Instant now) {
        lastAccessedAt = now;
        updatedAt = now;
    }

    long id() {
        return id == null ? 0 : id;
    }

    long movieSourceId() {
        return movieSourceId;
    }

    String location() {
        return location;
    }

    long totalBytes() {
        return totalBytes;
    }

    long downloadedBytes() {
        return downloadedBytes;
    }

    Instant lastAccessedAt() {
        return lastAccessedAt;
    }
}
