package app.marquee.sources.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.MovieSummary;
import app.marquee.network.NetworkGate;
import app.marquee.sources.Magnet;
import app.marquee.sources.ReleaseInfo;
import app.marquee.sources.yts.YtsClient;
import app.marquee.sources.yts.YtsTorrent;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentProperties;

/**
 * Searches the indexers for a movie's torrents and stores what they list (seed flow 2). One search per movie
 * runs at a time, whoever asks (the on-demand lookup and the tasks share it).
 */
@Service
class SourceSearch {

    private static final Logger log = LoggerFactory.getLogger(SourceSearch.class);

    private final CatalogApi catalog;
    private final YtsClient yts;
    private final SourceStore store;
    private final NetworkGate gate;
    private final TorrentProperties torrentProperties;
    private final Clock clock;
    private final Map<Long, CompletableFuture<Integer>> running = new ConcurrentHashMap<>();

    SourceSearch(CatalogApi catalog, YtsClient yts, SourceStore store, NetworkGate gate,
            TorrentProperties torrentProperties, Clock clock) {
        this.catalog = catalog;
        this.yts = yts;
        this.store = store;
        this.gate = gate;
        this.torrentProperties = torrentProperties;
        this.clock = clock;
    }

    /**
     * Searches now on the caller's thread, or joins the search of that movie already running.
     *
     * @return how many sources are new
     * @throws app.marquee.sources.yts.YtsUnavailableException when no mirror answers
     * @throws app.marquee.network.VpnDownException while the VPN is required and down
     */
    int search(MovieSummary movie) {
        CompletableFuture<Integer> mine = new CompletableFuture<>();
        CompletableFuture<Integer> theirs = running.putIfAbsent(movie.id(), mine);
        if (theirs != null) {
            return theirs.join();
        }
        try {
            int added = searchNow(movie);
            mine.complete(added);
            return added;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(movie.id(), mine);
        }
    }

    /** Starts {@link #search} on a virtual thread (or joins the running one). */
    CompletableFuture<Integer> searchInBackground(MovieSummary movie) {
        CompletableFuture<Integer> theirs = running.get(movie.id());
        if (theirs != null) {
            return theirs;
        }
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread.ofVirtual().name("source-search-" + movie.tmdbId()).start(() -> {
            try {
                result.complete(search(movie));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private int searchNow(MovieSummary movie) {
        gate.checkTorrentTrafficAllowed();
        if (movie.imdbId() == null) {
            // YTS finds movies by IMDb id only; the next resync tries again, when movie sync may have found it
            catalog.markSourcesSearched(movie.id(), clock.instant());
            return 0;
        }
        List<SourceStore.Found> found = new ArrayList<>();
        for (YtsTorrent torrent : yts.searchByImdbId(movie.imdbId())) {
            found.add(found(torrent));
        }
        int added = store.save(movie.id(), found);
        catalog.markSourcesSearched(movie.id(), clock.instant());
        log.debug("Movie {}: {} source(s) listed, {} new", movie.tmdbId(), found.size(), added);
        return added;
    }

    private SourceStore.Found found(YtsTorrent torrent) {
        InfoHash hash = InfoHash.of(torrent.hash());
        ReleaseInfo info = ReleaseInfo.ofYts(torrent.quality(), torrent.type(), torrent.videoCodec(), torrent.bitDepth());
        String name = torrent.movieTitle() + (torrent.year() > 0 ? " (" + torrent.year() + ")" : "") + " ["
                + torrent.quality() + "] [YTS]";
        String magnet = Magnet.of(hash, name, trackers()).toUri();
        return new SourceStore.Found(hash, "YTS", new MovieSource.Listing(magnet,
                torrent.url().isEmpty() ? null : torrent.url(), name,
                info.quality() == null ? null : info.quality().label(),
                info.codec() == null ? null : info.codec().label(),
                info.bitDepth(), info.isHdr(), torrent.audioChannels().isEmpty() ? null : torrent.audioChannels(),
                info.source() == null ? null : info.source().label(),
                torrent.sizeBytes() > 0 ? torrent.sizeBytes() : null,
                torrent.seeds(), torrent.peers(), torrent.uploadedAt()));
    }

    private List<String> trackers() {
        Set<String> trackers = new LinkedHashSet<>(torrentProperties.trackers());
        trackers.addAll(torrentProperties.extraTrackers());
        return List.copyOf(trackers);
    }
}
