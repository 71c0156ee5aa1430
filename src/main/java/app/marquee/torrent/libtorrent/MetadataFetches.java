package app.marquee.torrent.libtorrent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.libtorrent4j.SessionManager;
import org.libtorrent4j.TorrentFlags;
import org.libtorrent4j.swig.add_torrent_params;
import org.libtorrent4j.swig.error_code;
import org.libtorrent4j.swig.session_handle;
import org.libtorrent4j.swig.torrent_handle;

import app.marquee.platform.FileTrees;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentEngineException;
import app.marquee.torrent.TorrentMetadata;
import app.marquee.torrent.TorrentProperties;

/**
 * The running metadata-only fetches (BEP 9) of the session: each is a magnet added in upload mode, so peers are
 * asked for the info dictionary and never for file data, in a scratch directory of its own. It is removed when
 * its future completes (metadata, failure or timeout) unless a download of the same torrent adopted it.
 */
final class MetadataFetches {

    private final Map<InfoHash, MetadataFetch> running = new ConcurrentHashMap<>();
    private final Path directory;
    private final TorrentProperties properties;
    private final Object lock;
    private final Supplier<@Nullable SessionManager> session;

    /**
     * @param lock the session's lock, held by callers of {@link #start} and {@link #adopt}, taken to finish
     * @param session the running session, null once stopped
     */
    MetadataFetches(Path directory, TorrentProperties properties, Object lock,
            Supplier<@Nullable SessionManager> session) {
        this.directory = directory;
        this.properties = properties;
        this.lock = lock;
        this.session = session;
    }

    @Nullable MetadataFetch get(InfoHash infoHash) {
        return running.get(infoHash);
    }

    /** The running fetch of the torrent, now kept in the session as a download; null if there is none. */
    @Nullable MetadataFetch adopt(InfoHash infoHash) {
        MetadataFetch fetch = running.get(infoHash);
        return fetch != null && fetch.adopt() ? fetch : null;
    }

    /** Starts (or joins) the fetch of a parsed magnet. The caller holds the lock. */
    CompletableFuture<TorrentMetadata> start(SessionManager manager, add_torrent_params params, InfoHash infoHash,
            Duration timeout) {
        MetadataFetch joined = running.get(infoHash);
        if (joined != null) {
            return joined.future().copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        Path scratch = directory.resolve(infoHash.hex());
        Directories.create(scratch);
        params.setSave_path(scratch.toString());
        params.setFlags(NativeTorrents.startFlags(params.getFlags(), properties).or_(TorrentFlags.UPLOAD_MODE));
        error_code error = new error_code();
        torrent_handle handle = manager.swig().add_torrent(params, error);
        String refusal = error.value() != 0 ? error.message() : null;
        error.delete();
        if (refusal != null || handle == null || !handle.is_valid()) {
            FileTrees.deleteQuietly(scratch);
            return CompletableFuture.failedFuture(
                    new TorrentEngineException("libtorrent could not fetch " + infoHash + ": " + refusal));
        }
        MetadataFetch fetch = new MetadataFetch(infoHash, handle, NativeTorrents.trackers(params.getTrackers()),
                scratch);
        running.put(infoHash, fetch);
        fetch.future().whenComplete((metadata, failure) -> finish(fetch));
        return fetch.future().copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((metadata, failure) -> {
                    if (failure instanceof TimeoutException) {
                        fetch.future().completeExceptionally(failure);
                    }
                });
    }

    /** Fails every running fetch: the engine is stopping. */
    void cancelAll() {
        running.values().forEach(fetch -> fetch.future().completeExceptionally(
                new IllegalStateException("the torrent engine stopped before the metadata of " + fetch.infoHash()
                        + " arrived")));
    }

    private void finish(MetadataFetch fetch) {
        synchronized (lock) {
            running.remove(fetch.infoHash(), fetch);
            SessionManager manager = session.get();
            if (fetch.adopted() || manager == null) {
                return;
            }
            manager.swig().remove_torrent(fetch.handle(), session_handle.delete_files);
        }
        FileTrees.deleteQuietly(fetch.directory());
    }
}
