package app.marquee.torrent;

/**
 * One reader's position in a file being streamed. While it is open, the pieces just ahead of the position get
 * deadlines (see {@link PiecePrioritizer}); the rest of the file keeps downloading at low priority. Several
 * windows on one torrent share its download. Thread-safe.
 */
public interface StreamWindow extends AutoCloseable {

    /** The file index this window reads. */
    int fileIndex();

    /** Moves the window to a byte offset of the file (a seek, or the reader moving on). */
    void moveTo(long offset);

    /** Frees this reader's deadlines. Idempotent. */
    @Override
    void close();
}
