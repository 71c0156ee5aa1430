package app.marquee.sources.internal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.marquee.network.NetworkGate;
import app.marquee.network.VpnDownException;
import app.marquee.sources.SourcesProperties;
import app.marquee.sync.SyncTask;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.InvalidTorrentException;
import app.marquee.torrent.TorrentEngine;
import app.marquee.torrent.TorrentMetadata;
import app.marquee.torrent.TorrentProperties;

/**
 * {@code torrent-files} (seed flow 4, every 200 ms): obtains the metadata of sources that do not have it yet
 * and validates it ({@link TorrentValidation}). The metadata comes from another source of the same torrent that
 * has it (a season pack listed for several episodes is fetched once), else the torrent file the indexer links,
 * else from the configured torrent caches ({@code marquee.torrent.cache-urls}), else from peers through
 * libtorrent's metadata exchange (BEP 9). Up to {@code marquee.sources.metadata-fetches} fetches run at once in
 * the background; a run only starts the next ones, so it never blocks on the network. A torrent nobody serves
 * stays pending and is tried again later, a bounded number of times; a malformed or unsafe one is marked
 * rejected with its reason and never offered.
 */
@Component
class TorrentFilesTask implements SyncTask {

    private static final Logger log = LoggerFactory.getLogger(TorrentFilesTask.class);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_TORRENT_FILE = 16 * 1024 * 1024;

    private final SourceStore store;
    private final TorrentEngine engine;
    private final NetworkGate gate;
    private final SourcesProperties properties;
    private final TorrentProperties torrentProperties;
    private final MetadataCheck check;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    TorrentFilesTask(SourceStore store, TorrentEngine engine, NetworkGate gate, SourcesProperties properties,
            TorrentProperties torrentProperties, MetadataCheck check) {
        this.store = store;
        this.engine = engine;
        this.gate = gate;
        this.properties = properties;
        this.torrentProperties = torrentProperties;
        this.check = check;
    }

    @Override
    public String name() {
        return "torrent-files";
    }

    @Override
    public boolean hasWork() {
        return gate.isTorrentTrafficAllowed() && inFlight.size() < properties.metadataFetches() && store.metadataDue();
    }

    @Override
    public Result run(@Nullable String cursor) {
        if (!gate.isTorrentTrafficAllowed()) {
            return new Result(false, null, "paused: the VPN is down");
        }
        int free = properties.metadataFetches() - inFlight.size();
        if (free <= 0) {
            return Result.idle();
        }
        List<TorrentSource> due = store.claimMetadataDue(free);
        if (due.isEmpty()) {
            return Result.idle();
        }
        for (TorrentSource source : due) {
            if (inFlight.add(source.id())) {
                Thread.ofVirtual().name("metadata-" + source.id()).start(() -> process(source));
            }
        }
        return Result.worked("fetching metadata of " + due.size() + " source(s)");
    }

    /** Whether any fetch is running (for tests and the stats page). */
    int running() {
        return inFlight.size();
    }

    private void process(TorrentSource source) {
        try {
            check.accept(source.id(), InfoHash.of(source.infoHash()), source.sizeBytes(), fetch(source));
        } catch (InvalidTorrentException e) {
            check.reject(source.id(), e.getMessage() == null ? "malformed torrent" : e.getMessage());
        } catch (TimeoutException e) {
            log.debug("Source {}: no peer gave its metadata in {}", source.id(), properties.metadataTimeout());
        } catch (VpnDownException e) {
            log.debug("Source {}: metadata fetch stopped, the VPN is down", source.id());
        } catch (RuntimeException e) {
            log.warn("Source {}: metadata fetch failed: {}", source.id(), e.toString());
        } finally {
            inFlight.remove(source.id());
        }
    }

    /**
     * The torrent file, from the indexer's link or a cache when one answers, else from peers. A file from the
     * indexer's own link that is not a torrent rejects the source; a cache answering garbage is skipped (the
     * peers may still have the metadata).
     */
    private TorrentMetadata fetch(TorrentSource source) throws TimeoutException {
        Optional<byte[]> known = store.knownTorrentFile(source.infoHashIndex());
        if (known.isPresent()) {
            return TorrentMetadata.parse(known.get()); // each episode of a pack checks it for its own file
        }
        if (source.torrentUrl() != null) {
            Optional<byte[]> file = parse(source.torrentUrl()).flatMap(this::download);
            if (file.isPresent()) {
                return TorrentMetadata.parse(file.get());
            }
        }
        for (String template : torrentProperties.cacheUrls()) {
            Optional<URI> url = parse(template.replace("{hash}", source.infoHash().toUpperCase(Locale.ROOT)));
            Optional<byte[]> file = url.flatMap(this::download);
            if (file.isPresent()) {
                try {
                    return TorrentMetadata.parse(file.get());
                } catch (InvalidTorrentException e) {
                    log.debug("Source {}: {} is not a torrent file: {}", source.id(), url.get(), e.getMessage());
                }
            }
        }
        gate.checkTorrentTrafficAllowed();
        try {
            return engine.fetchMetadata(source.magnet(), properties.metadataTimeout()).join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case TimeoutException timeout -> throw timeout;
                case RuntimeException runtime -> throw runtime;
                case null, default -> throw e;
            }
        }
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = URI.create(url);
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<byte[]> download(URI url) {
        try {
            HttpResponse<byte[]> response = gate.httpClient(NetworkGate.Purpose.INDEXER).send(
                    HttpRequest.newBuilder(url).timeout(DOWNLOAD_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200 && response.body().length > 0 && response.body().length <= MAX_TORRENT_FILE) {
                return Optional.of(response.body());
            }
            log.debug("Torrent download {}: HTTP {}", url, response.statusCode());
        } catch (java.io.IOException e) {
            log.debug("Torrent download {} failed: {}", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
