package app.marquee.streaming.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.marquee.network.NetworkGate;
import app.marquee.platform.DataDirectory;
import app.marquee.sources.PlayableSource;
import app.marquee.sources.SourcesApi;
import app.marquee.streaming.StreamingProperties;
import app.marquee.torrent.ActiveTorrent;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.StreamWindow;
import app.marquee.torrent.TorrentEngine;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;
import app.marquee.torrent.TorrentProperties;
import app.marquee.torrent.TorrentStatus;
import app.marquee.sync.StreamActivity;

/**
 * The torrents being played, one per source however many readers it has, and their disk space.
 *
 * <p>A download starts when a streaming key is issued (so the first pieces are on their way before the
 * player asks) and lives while someone reads it; {@code marquee.streaming.idle-timeout} after its last reader
 * left it is stopped (its files stay, for the next play). Each source's video is the only file selected. The
 * disk quota ({@code marquee.streaming.max-disk}) counts a running download at its full size and a stopped one
 * at what it holds; above it, the least recently watched downloads are deleted first, never one being read.
 */
@Component
class Downloads implements StreamActivity {

    private static final Logger log = LoggerFactory.getLogger(Downloads.class);
    /** A started download nobody reads yet keeps its head start this long. */
    private static final Duration WARMUP = Duration.ofMinutes(2);

    /** One source's torrent and who reads it. */
    final class Download {

        final PlayableSource source;
        final String title;
        final ActiveTorrent torrent;
        final CompletableFuture<TorrentFile> video;
        private final AtomicInteger readers = new AtomicInteger();
        private volatile Instant lastActivity;
        private volatile @Nullable StreamWindow warmup;

        private Download(PlayableSource source, String title, ActiveTorrent torrent) {
            this.source = source;
            this.title = title;
            this.torrent = torrent;
            this.lastActivity = clock.instant();
            this.video = torrent.whenMetadata().thenApplyAsync(this::prepare, background);
        }

        /** Runs once the metadata is known: checks it, selects the video, records it, starts fetching its head. */
        private TorrentFile prepare(TorrentMetadata metadata) {
            TorrentFile file = sources.acceptMetadata(source, metadata)
                    .orElseThrow(() -> new NoVideoException(source.id()));
            torrent.selectFiles(Set.of(file.index()));
            ledger.opened(source.id(), torrent.saveDirectory().toString(), file.size(),
                    metadata.pieces(file.index()).count());
            synchronized (this) {
                if (readers.get() == 0) {
                    warmup = torrent.openWindow(file.index(), 0);
                }
            }
            enforceQuota(source.id());
            return file;
        }

        /** A reader starts at a byte offset of the video; close the window when done. */
        StreamWindow read(TorrentFile file, long offset) {
            StreamWindow window;
            synchronized (this) {
                readers.incrementAndGet();
                closeWarmup();
                window = torrent.openWindow(file.index(), offset);
            }
            lastActivity = clock.instant();
            return new StreamWindow() {
                private boolean closed;

                @Override
                public int fileIndex() {
                    return window.fileIndex();
                }

                @Override
                public void moveTo(long newOffset) {
                    window.moveTo(newOffset);
                }

                @Override
                public synchronized void close() {
                    if (!closed) {
                        closed = true;
                        window.close();
                        readers.decrementAndGet();
                        lastActivity = clock.instant();
                        ledger.accessed(source.id());
                    }
                }
            };
        }

        int readers() {
            return readers.get();
        }

        private synchronized void closeWarmup() {
            StreamWindow open = warmup;
            if (open != null) {
                open.close();
                warmup = null;
            }
        }

        private boolean idleSince(Instant cutoff) {
            return readers.get() == 0 && lastActivity.isBefore(cutoff);
        }
    }

    /** The source's torrent has no video Marquee will play. */
    static final class NoVideoException extends RuntimeException {
        NoVideoException(long sourceId) {
            super("source " + sourceId + " has no playable video file");
        }
    }

    private final TorrentEngine engine;
    private final SourcesApi sources;
    private final StorageLedger ledger;
    private final StreamingProperties properties;
    private final TorrentProperties torrentProperties;
    private final NetworkGate gate;
    private final Clock clock;
    private final Path downloadDir;
    private final Executor background = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, Download> active = new ConcurrentHashMap<>();

    Downloads(TorrentEngine engine, SourcesApi sources, StorageLedger ledger, StreamingProperties properties,
            TorrentProperties torrentProperties, NetworkGate gate, DataDirectory dataDirectory, Clock clock) {
        this.engine = engine;
        this.sources = sources;
        this.ledger = ledger;
        this.properties = properties;
        this.torrentProperties = torrentProperties;
        this.gate = gate;
        this.clock = clock;
        this.downloadDir = properties.downloadDir() != null ? properties.downloadDir() : dataDirectory.resolve("downloads");
    }

    /**
     * The download of a source, started if it is not running; returns at once.
     *
     * @throws app.marquee.network.VpnDownException while the VPN is required and down
     */
    Download start(PlayableSource source, String title) {
        gate.checkTorrentTrafficAllowed();
        return active.compute(source.id(), (id, running) -> {
            if (running != null && engine.find(source.infoHash()).isPresent()) {
                running.lastActivity = clock.instant();
                return running;
            }
            return new Download(source, title, torrentOf(source));
        });
    }

    private ActiveTorrent torrentOf(PlayableSource source) {
        Path directory = downloadDir.resolve(source.infoHash().hex());
        return engine.find(source.infoHash()).orElseGet(() -> source.metadata() != null
                ? engine.add(source.metadata(), torrentProperties.allTrackers(), directory)
                : engine.addMagnet(source.magnet(), directory));
    }

    List<Download> active() {
        return List.copyOf(active.values());
    }

    Path downloadDir() {
        return downloadDir;
    }

    @Override
    public List<Stream> streams() {
        List<Stream> streams = new ArrayList<>();
        for (Download download : active.values()) {
            TorrentStatus status = download.torrent.status();
            streams.add(new Stream(download.source.id(), download.title, download.source.quality(),
                    status.downloadRate(), status.uploadRate(), status.peers(), status.progress(),
                    download.readers()));
        }
        return streams;
    }

    @Override
    public long diskUsedBytes() {
        return ledger.leastRecentlyWatchedFirst().stream().mapToLong(Storage::downloadedBytes).sum();
    }

    @Override
    public long diskQuotaBytes() {
        return properties.maxDisk().toBytes();
    }

    /** Records progress, stops idle downloads, and keeps the disk within its quota. */
    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    void maintain() {
        Instant now = clock.instant();
        for (Download download : active.values()) {
            if (download.video.isDone() && !download.video.isCompletedExceptionally()) {
                TorrentStatus status = download.torrent.status();
                ledger.progress(download.source.id(), status.bytesDone(), status.piecesDone());
            }
            if (download.warmup != null && download.lastActivity.isBefore(now.minus(WARMUP))) {
                download.closeWarmup();
            }
            if (download.idleSince(now.minus(properties.idleTimeout()))) {
                stop(download);
            }
        }
        enforceQuota(-1);
    }

    private void stop(Download download) {
        if (active.remove(download.source.id(), download)) {
            download.closeWarmup();
            download.video.cancel(false);
            engine.remove(download.source.infoHash(), false);
            log.info("Stopped the idle download of source {} ({})", download.source.id(), download.title);
        }
    }

    /**
     * Deletes the least recently watched downloads until the disk use fits the quota; downloads being read,
     * and {@code keepSourceId} (one just started), are never deleted.
     */
    synchronized void enforceQuota(long keepSourceId) {
        long quota = properties.maxDisk().toBytes();
        List<Storage> rows = ledger.leastRecentlyWatchedFirst();
        long used = rows.stream().mapToLong(this::charge).sum();
        if (used <= quota) {
            return;
        }
        List<Storage> evictable = new ArrayList<>();
        for (Storage row : rows) {
            Download download = active.get(row.movieSourceId());
            boolean reading = download != null && download.readers() > 0;
            if (!reading && row.movieSourceId() != keepSourceId) {
                evictable.add(row);
            }
        }
        for (Storage row : evictable) {
            if (used <= quota) {
                break;
            }
            used -= charge(row);
            evict(row);
        }
        if (used > quota) {
            log.warn("Downloads use {} bytes, over the quota of {}: what is left is being watched", used, quota);
        }
    }

    /** Disk space a download is counted for: its full size while it runs, what it holds once stopped. */
    private long charge(Storage row) {
        return active.containsKey(row.movieSourceId()) ? row.totalBytes() : row.downloadedBytes();
    }

    private void evict(Storage row) {
        Download download = active.remove(row.movieSourceId());
        Path location = Path.of(row.location());
        InfoHash hash = download != null ? download.source.infoHash() : hashOf(location);
        if (download != null) {
            download.closeWarmup();
            download.video.cancel(false);
        }
        if (hash != null) {
            try {
                engine.remove(hash, true).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Eviction of {}: the engine did not remove it in time: {}", location, e.toString());
            }
        }
        if (location.startsWith(downloadDir)) {
            DownloadFiles.deleteTree(location);
        }
        ledger.delete(row.id());
        log.info("Evicted the download of source {} ({} bytes) for the disk quota", row.movieSourceId(),
                row.downloadedBytes());
    }

    private static @Nullable InfoHash hashOf(Path location) {
        try {
            return InfoHash.of(location.getFileName().toString());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
