package app.marquee.torrent;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A torrent in the engine's session. Handles are cheap views: all methods are thread-safe, and after the
 * torrent is removed they throw {@link IllegalStateException} (except {@link #infoHash()}).
 */
public interface ActiveTorrent {

    InfoHash infoHash();

    /** The metadata, empty while a magnet still waits for it. */
    Optional<TorrentMetadata> metadata();

    /** Completes with the metadata once known (at once for a torrent added from metadata). */
    CompletableFuture<TorrentMetadata> whenMetadata();

    TorrentStatus status();

    /** The directory the torrent's files are saved under (a file's path is this plus its path segments). */
    Path saveDirectory();

    /** Where the file of that index is (or will be) on disk. @throws IllegalStateException without metadata */
    Path filePath(int fileIndex);

    /**
     * Downloads only these files (by {@link TorrentFile#index()}); all others get priority 0 and are not
     * written. The chosen files download at low priority, so stream windows come first.
     *
     * @throws IllegalStateException without metadata
     * @throws IllegalArgumentException for an unknown index
     */
    void selectFiles(Set<Integer> fileIndices);

    /** Whether the piece is present and verified; with POSIX disk I/O its bytes are then on disk. */
    boolean havePiece(int piece);

    /**
     * Completes when every piece holding {@code length} bytes from {@code offset} of the file is present, so the
     * range can be read from {@link #filePath(int)}. It does not make those pieces urgent: open a
     * {@link StreamWindow} for that. Bound the wait with {@link CompletableFuture#orTimeout}; a cancelled or
     * timed-out future is forgotten. The future fails with {@link IllegalStateException} if the torrent is
     * removed first. Completion runs dependent stages on the engine's alert thread: keep them short, or use the
     * {@code *Async} variants.
     *
     * @throws IllegalStateException without metadata
     * @throws IllegalArgumentException for a range outside the file
     */
    CompletableFuture<Void> whenReadable(int fileIndex, long offset, long length);

    /**
     * Opens a reader window on a file at a byte offset: its pieces get deadlines, as do the file's last pieces
     * (an MP4's {@code moov} is often at the end). The file is selected if it was not.
     *
     * @throws IllegalStateException without metadata
     */
    StreamWindow openWindow(int fileIndex, long offset);
}
