package app.marquee.torrent.libtorrent;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.libtorrent4j.swig.torrent_handle;

import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentMetadata;

/**
 * A magnet added in upload mode only to get its metadata from peers. It is removed from the session when the
 * future completes, unless {@link #adopt() adopted} by an add of the same torrent meanwhile.
 */
final class MetadataFetch {

    private final InfoHash infoHash;
    private final torrent_handle handle;
    private final List<String> trackers;
    private final Path directory;
    private final CompletableFuture<TorrentMetadata> future = new CompletableFuture<>();
    private final AtomicBoolean adopted = new AtomicBoolean();

    MetadataFetch(InfoHash infoHash, torrent_handle handle, List<String> trackers, Path directory) {
        this.infoHash = infoHash;
        this.handle = handle;
        this.trackers = List.copyOf(trackers);
        this.directory = directory;
    }

    InfoHash infoHash() {
        return infoHash;
    }

    torrent_handle handle() {
        return handle;
    }

    List<String> trackers() {
        return trackers;
    }

    Path directory() {
        return directory;
    }

    CompletableFuture<TorrentMetadata> future() {
        return future;
    }

    /** Keeps the torrent in the session after the fetch; false if already finished or adopted. */
    boolean adopt() {
        return !future.isDone() && adopted.compareAndSet(false, true);
    }

    boolean adopted() {
        return adopted.get();
    }
}
