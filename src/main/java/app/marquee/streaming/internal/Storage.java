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
 * One torrent's download on this server's disk: where it is (its directory, named after the info-hash), how
 * much of the files being played is there, and when it was last watched (the disk quota evicts the least
 * recently watched first). A season pack whose episodes are played one after another is one download.
 */
@Entity
@Table(name = "storage")
class Storage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "location", nullable = false, updatable = false, length = 1024)
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

    Storage(String location, long totalBytes, int piecesTotal, Instant now) {
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

    /** More files of the torrent are being played: their bytes and pieces count too. */
    void wanted(long bytes, int pieces, Instant now) {
        totalBytes = Math.max(bytes, downloadedBytes);
        piecesTotal = Math.max(pieces, piecesDone);
        lastAccessedAt = now;
        updatedAt = now;
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
