package app.marquee.torrent.libtorrent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

import org.libtorrent4j.PieceIndexBitfield;
import org.libtorrent4j.Priority;
import org.libtorrent4j.TorrentFlags;
import org.libtorrent4j.TorrentHandle;
import org.libtorrent4j.swig.status_flags_t;

import app.marquee.torrent.ActiveTorrent;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.PieceDeadline;
import app.marquee.torrent.PiecePrioritizer;
import app.marquee.torrent.PieceSpan;
import app.marquee.torrent.StreamWindow;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;
import app.marquee.torrent.TorrentStatus;

/**
 * A torrent of the {@link TorrentSession}: its libtorrent handle, the byte-range waiters and the stream windows.
 * The session feeds it the alerts it needs ({@link #onPieceFinished}, {@link #onChecked}, {@link #onMetadata}).
 */
final class LibtorrentTorrent implements ActiveTorrent {

    /** How many re-announces {@link #retryOverTcp} makes at most for one torrent. */
    private static final int MAX_TCP_RETRIES = 3;

    /** The status fields every query gets (no piece bitfield, no torrent file, ...). */
    private static final status_flags_t NO_EXTRA_STATUS = new status_flags_t();

    private final InfoHash infoHash;
    private final TorrentHandle handle;
    private final java.util.concurrent.atomic.AtomicInteger tcpRetries = new java.util.concurrent.atomic.AtomicInteger();
    private final Path saveDirectory;
    private final PiecePrioritizer prioritizer;
    private final BooleanSupplier sessionPaused;
    private final CompletableFuture<TorrentMetadata> metadata = new CompletableFuture<>();
    private final List<RangeWaiter> waiters = new ArrayList<>();
    private final List<Window> windows = new CopyOnWriteArrayList<>();
    /**
     * Pieces known to be complete (guarded by itself). libtorrent's {@code have_piece} is a synchronous call into
     * its network thread, which takes milliseconds to tens of milliseconds while that thread is busy; a stream
     * asks it for every piece it sends, so the first response waited hundreds of milliseconds on those calls
     * after its first piece was there. A complete piece stays complete (Marquee never rechecks a torrent).
     */
    private final BitSet have = new BitSet();
    private volatile boolean removed;

    LibtorrentTorrent(InfoHash infoHash, TorrentHandle handle, Path saveDirectory, PiecePrioritizer prioritizer,
            BooleanSupplier sessionPaused) {
        this.infoHash = infoHash;
        this.handle = handle;
        this.saveDirectory = saveDirectory;
        this.prioritizer = prioritizer;
        this.sessionPaused = sessionPaused;
    }

    TorrentHandle handle() {
        return handle;
    }

    @Override
    public InfoHash infoHash() {
        return infoHash;
    }

    @Override
    public Optional<TorrentMetadata> metadata() {
        return Optional.ofNullable(metadata.getNow(null));
    }

    @Override
    public CompletableFuture<TorrentMetadata> whenMetadata() {
        return metadata.copy();
    }

    @Override
    public TorrentStatus status() {
        checkPresent();
        return StatusMapping.of(freshStatus(), sessionPaused.getAsBoolean(),
                metadata().map(TorrentMetadata::pieceCount).orElse(0));
    }

    @Override
    public Path saveDirectory() {
        return saveDirectory;
    }

    @Override
    public Path filePath(int fileIndex) {
        TorrentMetadata known = requireMetadata();
        known.file(fileIndex);
        // libtorrent's own (sanitised) path: what it really wrote, whatever the torrent's segments say
        return saveDirectory.resolve(handle.torrentFile().files().filePath(fileIndex));
    }

    @Override
    public void selectFiles(Set<Integer> fileIndices) {
        TorrentMetadata known = requireMetadata();
        fileIndices.forEach(known::file);
        int count = handle.torrentFile().numFiles();
        Priority[] priorities = new Priority[count];
        for (int i = 0; i < count; i++) {
            priorities[i] = fileIndices.contains(i) ? Priority.LOW : Priority.IGNORE;
        }
        handle.prioritizeFiles(priorities);
        // a torrent added with Files.SELECTED waited in upload mode for this
        handle.unsetFlags(TorrentFlags.UPLOAD_MODE);
        applyDeadlines();
    }

    @Override
    public boolean havePiece(int piece) {
        checkPresent();
        return has(piece);
    }

    private boolean has(int piece) {
        synchronized (have) {
            if (have.get(piece)) {
                return true;
            }
        }
        boolean present = handle.havePiece(piece);
        if (present) {
            synchronized (have) {
                have.set(piece);
            }
        }
        return present;
    }

    @Override
    public CompletableFuture<Void> whenReadable(int fileIndex, long offset, long length) {
        PieceSpan span = requireMetadata().pieces(fileIndex, offset, length);
        RangeWaiter waiter = new RangeWaiter(span, new BitSet(), new CompletableFuture<>());
        synchronized (waiters) {
            checkPresent();
            for (int piece = span.first(); piece <= span.last(); piece++) {
                if (!has(piece)) {
                    waiter.missing().set(piece);
                }
            }
            if (waiter.missing().isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            waiters.add(waiter);
        }
        // a timed-out or cancelled wait must not stay registered
        waiter.future().whenComplete((ignored, failure) -> {
            if (failure != null) {
                synchronized (waiters) {
                    waiters.remove(waiter);
                }
            }
        });
        return waiter.future();
    }

    @Override
    public StreamWindow openWindow(int fileIndex, long offset) {
        TorrentMetadata known = requireMetadata();
        known.file(fileIndex);
        if (handle.filePriority(fileIndex) == Priority.IGNORE) {
            handle.filePriority(fileIndex, Priority.LOW);
        }
        // the file's rest comes in order after the window, so a reader that moves on finds it ready
        handle.setFlags(TorrentFlags.SEQUENTIAL_DOWNLOAD);
        Window window = new Window(fileIndex, offset);
        windows.add(window);
        applyDeadlines();
        return window;
    }

    /**
     * Sets the deadlines of every open window; pieces already present are skipped, and those the sequential picker
     * brings in order anyway go below top priority ({@link SequentialDeadlines} says why).
     */
    private synchronized void applyDeadlines() {
        TorrentMetadata known = metadata.getNow(null);
        if (known == null || removed) {
            return;
        }
        handle.clearPieceDeadlines();
        if (windows.isEmpty()) {
            return;
        }
        // one call into libtorrent for the whole bitfield, not one per piece (each waits for its network thread)
        PieceIndexBitfield done = handle.status(TorrentHandle.QUERY_PIECES).pieces();
        IntPredicate present = piece -> piece < done.size() && done.getBit(piece);
        for (TorrentFile file : known.files()) {
            List<Integer> readers = new ArrayList<>();
            for (Window window : windows) {
                if (window.fileIndex == file.index()) {
                    long at = file.offset() + Math.clamp(window.offset, 0, Math.max(0, file.size() - 1));
                    readers.add((int) (at / known.pieceLength()));
                }
            }
            if (readers.isEmpty()) {
                continue;
            }
            PieceSpan pieces = file.pieces(known.pieceLength());
            List<PieceDeadline> deadlines = prioritizer.deadlines(pieces, known.pieceLength(), readers);
            Set<Integer> inSequence = SequentialDeadlines.inSequence(pieces, deadlines, readers, present);
            for (PieceDeadline deadline : deadlines) {
                if (!present.test(deadline.piece())) {
                    handle.setPieceDeadline(deadline.piece(), deadline.millis());
                    if (inSequence.contains(deadline.piece())) {
                        handle.piecePriority(deadline.piece(), Priority.LOW);
                    }
                }
            }
        }
    }

    /** On libtorrent's alert thread. */
    void onPieceFinished(int piece) {
        synchronized (have) {
            have.set(piece);
        }
        List<RangeWaiter> done = new ArrayList<>();
        synchronized (waiters) {
            for (RangeWaiter waiter : waiters) {
                waiter.missing().clear(piece);
                if (waiter.missing().isEmpty()) {
                    done.add(waiter);
                }
            }
            waiters.removeAll(done);
        }
        done.forEach(waiter -> waiter.future().complete(null));
    }

    /** On libtorrent's alert thread: pieces may have appeared at once (resume data, a recheck). */
    void onChecked() {
        List<RangeWaiter> done = new ArrayList<>();
        synchronized (waiters) {
            for (RangeWaiter waiter : waiters) {
                waiter.missing().stream().filter(this::has).forEach(waiter.missing()::clear);
                if (waiter.missing().isEmpty()) {
                    done.add(waiter);
                }
            }
            waiters.removeAll(done);
        }
        done.forEach(waiter -> waiter.future().complete(null));
        applyDeadlines();
    }

    void onMetadata(TorrentMetadata received) {
        metadata.complete(received);
    }

    /** The torrent left the session (removed, or the engine stopped): pending waits fail, later calls throw. */
    void onRemoved(String why) {
        removed = true;
        IllegalStateException gone = new IllegalStateException("torrent " + infoHash + " " + why);
        List<RangeWaiter> pending;
        synchronized (waiters) {
            pending = List.copyOf(waiters);
            waiters.clear();
        }
        pending.forEach(waiter -> waiter.future().completeExceptionally(gone));
        metadata.completeExceptionally(gone);
    }

    private TorrentMetadata requireMetadata() {
        checkPresent();
        TorrentMetadata known = metadata.getNow(null);
        if (known == null) {
            throw new IllegalStateException("torrent " + infoHash + " has no metadata yet");
        }
        return known;
    }

    /**
     * A peer did not answer an outgoing uTP connect (a TCP-only client such as aria2c, or a uTP packet lost), so
     * libtorrent marked it TCP-only in this torrent (notes/engine.md §3 pitfall 5). libtorrent 2.0.6 means to
     * reconnect it over TCP at once, but that code never runs (the connection's peer entry is cleared by the
     * disconnect just before it is read), so the TCP connect waits for the session's once-a-second connect round.
     * While the torrent has downloaded nothing, this re-announces instead: a tracker answer connects new peers
     * right away ({@code do_connect_boost}), within a second (libtorrent re-announces at the next whole second).
     * At most {@link #MAX_TCP_RETRIES} times per torrent (trackers do not like being asked often). Peers already
     * known to be TCP-only are connected over TCP from the start ({@link TorrentSession#checked}). Called on the
     * alert thread.
     */
    void retryOverTcp() {
        if (handle.isValid() && freshStatus().totalPayloadDownload() == 0
                && tcpRetries.incrementAndGet() <= MAX_TCP_RETRIES) {
            handle.forceReannounce(0, -1, TorrentHandle.IGNORE_MIN_INTERVAL);
        }
    }

    /**
     * The torrent's status now. Not libtorrent4j's {@code TorrentHandle.status()}: it keeps the last answer for
     * 500 ms in unsynchronised fields, so it can be stale, and a second thread asking while the first one is
     * still fetching gets {@code null}.
     */
    private org.libtorrent4j.TorrentStatus freshStatus() {
        return handle.status(NO_EXTRA_STATUS);
    }

    private void checkPresent() {
        if (removed) {
            throw new IllegalStateException("torrent " + infoHash + " was removed, or the engine stopped");
        }
    }

    @Override
    public String toString() {
        return "ActiveTorrent[" + infoHash + "]";
    }

    private record RangeWaiter(PieceSpan span, BitSet missing, CompletableFuture<Void> future) {
    }

    private final class Window implements StreamWindow {

        private final int fileIndex;
        private volatile long offset;
        private volatile boolean closed;

        Window(int fileIndex, long offset) {
            this.fileIndex = fileIndex;
            this.offset = offset;
        }

        @Override
        public int fileIndex() {
            return fileIndex;
        }

        @Override
        public void moveTo(long newOffset) {
            if (closed) {
                throw new IllegalStateException("stream window closed");
            }
            offset = newOffset;
            applyDeadlines();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                windows.remove(this);
                applyDeadlines();
            }
        }
    }
}
