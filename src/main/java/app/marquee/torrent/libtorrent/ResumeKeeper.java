package app.marquee.torrent.libtorrent;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import org.libtorrent4j.TorrentHandle;
import org.libtorrent4j.Vectors;
import org.libtorrent4j.swig.add_torrent_params;
import org.libtorrent4j.swig.error_code;
import org.libtorrent4j.swig.libtorrent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.torrent.InfoHash;

/**
 * Fast resume for the session: asks libtorrent for resume data (periodically for changed torrents, and for all
 * at shutdown), stores what the alert thread serialised, and reads it back at start-up. Resume data is saved
 * with the info dictionary, so it alone re-adds a torrent, with no recheck of the pieces it lists.
 */
final class ResumeKeeper {

    private static final Logger log = LoggerFactory.getLogger(ResumeKeeper.class);

    private final ResumeDataStore store;
    private final Map<InfoHash, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    ResumeKeeper(ResumeDataStore store) {
        this.store = store;
    }

    boolean hasTorrents() {
        return !store.isEmpty();
    }

    /** Hands each stored torrent's add parameters to {@code add}; unreadable entries are moved aside. */
    void load(BiConsumer<InfoHash, add_torrent_params> add) {
        for (Map.Entry<InfoHash, byte[]> entry : store.readAll().entrySet()) {
            InfoHash infoHash = entry.getKey();
            error_code error = new error_code();
            add_torrent_params params = libtorrent.read_resume_data_ex(Vectors.bytes2byte_vector(entry.getValue()),
                    error);
            if (error.value() != 0) {
                log.warn("resume data of {} is unreadable ({}); moved aside", infoHash, error.message());
                store.reject(infoHash);
                continue;
            }
            try {
                add.accept(infoHash, params);
            } catch (RuntimeException e) {
                // one bad entry must not keep the others from resuming
                log.warn("cannot resume torrent {}: {}", infoHash, e.getMessage(), e);
            } finally {
                params.delete();
                error.delete();
            }
        }
    }

    /** Asks for the resume data of torrents that changed since their last save (a timer task: never throws). */
    void saveChanged(Collection<LibtorrentTorrent> torrents) {
        try {
            for (LibtorrentTorrent torrent : torrents) {
                if (torrent.handle().isValid() && torrent.handle().needSaveResumeData()) {
                    torrent.handle().saveResumeData(TorrentHandle.SAVE_INFO_DICT);
                }
            }
        } catch (RuntimeException e) {
            // boundary: a scheduled task that throws is never run again
            log.warn("periodic resume data save failed: {}", e.getMessage(), e);
        }
    }

    /** Asks for every torrent's resume data and waits until it is stored, or the timeout passes. */
    void saveAll(Collection<LibtorrentTorrent> torrents, Duration timeout) {
        List<CompletableFuture<Void>> saves = torrents.stream()
                .filter(torrent -> torrent.handle().isValid())
                .map(torrent -> {
                    CompletableFuture<Void> saved = pending.computeIfAbsent(torrent.infoHash(),
                            hash -> new CompletableFuture<>());
                    torrent.handle().saveResumeData(TorrentHandle.SAVE_INFO_DICT);
                    return saved;
                })
                .toList();
        try {
            CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("not all resume data saved within {}: {}", timeout, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * On the alert thread: the serialised resume data of a torrent (null when libtorrent could not make it, or
     * the torrent is no longer wanted).
     */
    void saved(InfoHash infoHash, byte @Nullable [] data) {
        try {
            if (data != null) {
                store.write(infoHash, data);
            }
        } finally {
            CompletableFuture<Void> waiting = pending.remove(infoHash);
            if (waiting != null) {
                waiting.complete(null);
            }
        }
    }

    void forget(InfoHash infoHash) {
        store.delete(infoHash);
    }
}
