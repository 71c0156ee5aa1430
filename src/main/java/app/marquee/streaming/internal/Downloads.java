package app.marquee.streaming.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
import app.marquee.platform.FileTrees;
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
 * The torrents being played, one per torrent however many readers and titles it has, and their disk space.
 *
 * <p>A download starts when a streaming key is issued (so the first pieces are on their way before the
 * player asks) and lives while someone reads it; {@code marquee.streaming.idle-timeout} after its last reader
 * left it is stopped (its files stay, for the next play). Only the files being played are selected: a movie's
 * video, or the episodes of a season pack that were asked for (the other episodes stay at priority 0 and are not
 * downloaded). The disk quota ({@code marquee.streaming.max-disk}) counts a running download at the full size of
 * its selected files and a stopped one at what it holds; above it, the least recently watched downloads are
 * deleted first, never one being read.
 */
@Component
class Downloads implements StreamActivity {

    private static final Logger log = LoggerFactory.getLogger(Downloads.class);
    /** A started download nobody reads yet keeps its head start this long. */
    private static final Duration WARMUP = Duration.ofMinutes(2);

    /** One torrent, the sources (titles) played from it, and who reads it. */
    final class Download {

        final ActiveTorrent torrent;
        private final String location;
        private final Map<Long, CompletableFuture<TorrentFile>> videos = new ConcurrentHashMap<>();
        private final Set<Integer> selected = new HashSet<>();
        private final AtomicInteger readers = new AtomicInteger();
        private volatile PlayableSource source;
        private volatile String title;
        private volatile Instant lastActivity;
        private volatile @Nullable StreamWindow warmup;

        private Download(PlayableSource source, String title, ActiveTorrent torrent) {
            this.source = source;
            this.title = title;
            this.torrent = torrent;
            this.location = torrent.saveDirectory().toString();
            this.lastActivity = clock.instant();
        }

        /** The source's video in this torrent, once the metadata is known and checked. */
        CompletableFuture<TorrentFile> video(PlayableSource played) {
            return videos.computeIfAbsent(played.id(), id -> torrent.whenMetadata()
                    .thenApplyAsync(metadata -> prepare(played, metadata), background));
        }

        /** Runs once per source when the metadata is known: checks it, selects the video, starts fetching its head. */
        private TorrentFile prepare(PlayableSource played, TorrentMetadata metadata) {
            TorrentFile file = sources.acceptMetadata(played, metadata)
                    .orElseThrow(() -> new NoVideoException(played.id()));
            long bytes;
            int pieces;
            synchronized (this) {
                selected.add(file.index());
                torrent.selectFiles(Set.copyOf(selected));
                bytes = selected.stream().mapToLong(index -> metadata.file(index).size()).sum();
                pieces = selected.stream().mapToInt(index -> metadata.pieces(index).count()).sum();
                if (readers.get() == 0) {
                    closeWarmup();
                    warmup = torrent.openWindow(file.index(), 0);
                }
            }
            ledger.opened(location, bytes, Math.min(pieces, metadata.pieceCount()));
            enforceQuota(location);
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
                        ledger.accessed(location);
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

        private boolean prepared() {
            return videos.values().stream().anyMatch(video -> video.isDone() && !video.isCompletedExceptionally());
        }

        private void cancel() {
            closeWarmup();
            videos.values().forEach(video -> video.cancel(false));
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
    private final Map<InfoHash, Download> active = new ConcurrentHashMap<>();

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
     * The download of a source's torrent, started if it is not running, with the source's video on its way;
     * returns at once.
     *
     * @throws app.marquee.network.VpnDownException while the VPN is required and down
     */
    Download start(PlayableSource source, String title) {
        gate.checkTorrentTrafficAllowed();
        Download download = active.compute(source.infoHash(), (hash, running) -> {
            if (running != null && engine.find(hash).isPresent()) {
                running.lastActivity = clock.instant();
                running.source = source;
                running.title = title;
                return running;
            }
            if (running != null) {
                running.cancel();
            }
            return new Download(source, title, torrentOf(source));
        });
        download.video(source);
        return download;
    }

    /**
     * The source's torrent: a validated one is added with only its video selected from the first moment; one known
     * by its magnet only waits, downloading nothing, until its metadata says which file to select.
     */
    private ActiveTorrent torrentOf(PlayableSource source) {
        Path directory = downloadDir.resolve(source.infoHash().hex());
        TorrentMetadata metadata = source.metadata();
        Integer video = source.videoFileIndex();
        return engine.find(source.infoHash()).orElseGet(() -> metadata != null && video != null
                ? engine.add(metadata, torrentProperties.allTrackers(), directory, Set.of(video))
                : engine.addMagnet(source.magnet(), directory, TorrentEngine.Files.SELECTED));
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
            if (download.prepared()) {
                TorrentStatus status = download.torrent.status();
                ledger.progress(download.location, status.bytesDone(), status.piecesDone());
            }
            if (download.warmup != null && download.lastActivity.isBefore(now.minus(WARMUP))) {
                download.closeWarmup();
            }
            if (download.idleSince(now.minus(properties.idleTimeout()))) {
                stop(download);
            }
        }
        enforceQuota(null);
    }

    private void stop(Download download) {
        if (active.remove(download.torrent.infoHash(), download)) {
            download.cancel();
            engine.remove(download.torrent.infoHash(), false);
            log.info("Stopped the idle download of {} ({})", download.torrent.infoHash(), download.title);
        }
    }

    /**
     * Deletes the least recently watched downloads until the disk use fits the quota; downloads being read,
     * and the one at {@code keepLocation} (just started), are never deleted.
     */
    synchronized void enforceQuota(@Nullable String keepLocation) {
        long quota = properties.maxDisk().toBytes();
        List<Storage> rows = ledger.leastRecentlyWatchedFirst();
        long used = rows.stream().mapToLong(this::charge).sum();
        if (used <= quota) {
            return;
        }
        List<Storage> evictable = new ArrayList<>();
        for (Storage row : rows) {
            Download download = activeAt(row);
            boolean reading = download != null && download.readers() > 0;
            if (!reading && !row.location().equals(keepLocation)) {
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
        return activeAt(row) != null ? row.totalBytes() : row.downloadedBytes();
    }

    private @Nullable Download activeAt(Storage row) {
        InfoHash hash = hashOf(Path.of(row.location()));
        return hash == null ? null : active.get(hash);
    }

    private void evict(Storage row) {
        Path location = Path.of(row.location());
        InfoHash hash = hashOf(location);
        Download download = hash == null ? null : active.remove(hash);
        if (download != null) {
            download.cancel();
        }
        if (hash != null) {
            try {
                engine.remove(hash, true).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Eviction of {}: the engine did not remove it in time: {}", location, e.toString());
            }
        }
        if (location.startsWith(downloadDir)) {
            FileTrees.deleteQuietly(location);
        }
        ledger.delete(row.id());
        log.info("Evicted the download at {} ({} bytes) for the disk quota", location, row.downloadedBytes());
    }

    private static @Nullable InfoHash hashOf(Path location) {
        try {
            return InfoHash.of(location.getFileName().toString());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
