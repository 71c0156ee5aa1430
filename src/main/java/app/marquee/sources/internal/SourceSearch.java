package app.marquee.sources.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.marquee.catalog.CatalogApi;
import app.marquee.network.NetworkGate;
import app.marquee.network.VpnDownException;
import app.marquee.sources.IndexedTorrent;
import app.marquee.sources.Indexer;
import app.marquee.sources.InvalidMagnetException;
import app.marquee.sources.Magnet;
import app.marquee.sources.torznab.TorznabClient;
import app.marquee.sources.ReleaseInfo;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentProperties;

/**
 * Searches every indexer for a title's torrents (a movie's, or an episode's and its season's packs), merges what
 * they list by info-hash and stores it (seed flow 2). An indexer that fails leaves the others working; only when
 * all fail does the search fail. One search per title runs at a time, whoever asks (the on-demand lookup and the
 * tasks share it).
 */
@Service
class SourceSearch {

    private static final Logger log = LoggerFactory.getLogger(SourceSearch.class);

    private final CatalogApi catalog;
    private final List<Indexer> indexers;
    private final TorznabClient torznab;
    private final SourceStore store;
    private final NetworkGate gate;
    private final TorrentProperties torrentProperties;
    private final Clock clock;
    private final Map<SourceOwner, CompletableFuture<Integer>> running = new ConcurrentHashMap<>();

    SourceSearch(CatalogApi catalog, List<Indexer> indexers, TorznabClient torznab, SourceStore store,
            NetworkGate gate, TorrentProperties torrentProperties, Clock clock) {
        this.catalog = catalog;
        this.indexers = List.copyOf(indexers);
        this.torznab = torznab;
        this.store = store;
        this.gate = gate;
        this.torrentProperties = torrentProperties;
        this.clock = clock;
    }

    /**
     * Searches now on the caller's thread, or joins the search of that title already running.
     *
     * @return how many sources are new
     * @throws IndexersUnavailableException when no indexer answers
     * @throws app.marquee.network.VpnDownException while the VPN is required and down
     */
    int search(SearchedTitle title) {
        CompletableFuture<Integer> mine = new CompletableFuture<>();
        CompletableFuture<Integer> theirs = running.putIfAbsent(title.owner(), mine);
        if (theirs != null) {
            return theirs.join();
        }
        try {
            int added = searchNow(title);
            mine.complete(added);
            return added;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(title.owner(), mine);
        }
    }

    /** Starts {@link #search} on a virtual thread (or joins the running one). */
    CompletableFuture<Integer> searchInBackground(SearchedTitle title) {
        CompletableFuture<Integer> theirs = running.get(title.owner());
        if (theirs != null) {
            return theirs;
        }
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread.ofVirtual().name("source-search-" + title.owner()).start(() -> {
            try {
                result.complete(search(title));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Every indexer to ask, YTS first (its structured fields are the better listing of a torrent both list). The
     * Torznab endpoints are taken anew for each search: an admin may add or disable one at run time.
     */
    private List<Indexer> indexers() {
        return Stream.concat(indexers.stream(), torznab.asIndexers().stream())
                .sorted(Comparator.comparing((Indexer indexer) -> !indexer.name().equals("YTS"))
                        .thenComparing(Indexer::name))
                .toList();
    }

    private int searchNow(SearchedTitle title) {
        gate.checkTorrentTrafficAllowed();
        Map<InfoHash, SourceStore.Found> merged = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<Indexer> asked = indexers().stream().filter(title::askable).toList();
        for (Indexer indexer : asked) {
            List<IndexedTorrent> listed;
            try {
                listed = title.ask(indexer);
            } catch (VpnDownException e) {
                throw e;
            } catch (RuntimeException e) {
                failures.add(indexer.name() + ": " + e.getMessage());
                log.debug("{}: {} failed: {}", title.label(), indexer.name(), e.toString());
                continue;
            }
            for (IndexedTorrent torrent : listed) {
                Optional<String> fake = title.implausible(indexer, torrent);
                if (fake.isPresent()) {
                    log.debug("{}: {} left out ({}): {}", title.label(), torrent.releaseName(),
                            indexer.name(), fake.get());
                    continue;
                }
                merged.merge(torrent.infoHash(), found(torrent), SourceSearch::better);
            }
        }
        if (!asked.isEmpty() && failures.size() == asked.size()) {
            throw new IndexersUnavailableException(failures);
        }
        int added = store.save(title.owner(), List.copyOf(merged.values()));
        // searched even when an indexer failed: the others' sources are there, and resync asks it again
        title.markSearched(catalog, clock.instant());
        log.debug("{}: {} source(s) listed, {} new{}", title.label(), merged.size(), added,
                failures.isEmpty() ? "" : "; failed: " + failures);
        return added;
    }

    /** Two indexers list one torrent: the first listing is kept, with the higher seeder count of the two. */
    private static SourceStore.Found better(SourceStore.Found first, SourceStore.Found second) {
        Integer seeders = first.listing().seeders();
        Integer other = second.listing().seeders();
        if (other != null && (seeders == null || other > seeders)) {
            TorrentSource.Listing l = first.listing();
            return new SourceStore.Found(first.infoHash(), first.indexer(), new TorrentSource.Listing(l.magnet(),
                    l.torrentUrl(), l.releaseName(), l.quality(), l.videoCodec(), l.bitDepth(), l.hdr(),
                    l.audioChannels(), l.releaseType(), l.sizeBytes(), other, second.listing().leechers(),
                    l.uploadedAt()));
        }
        return first;
    }

    private SourceStore.Found found(IndexedTorrent torrent) {
        ReleaseInfo info = torrent.info();
        return new SourceStore.Found(torrent.infoHash(), torrent.indexer(), new TorrentSource.Listing(magnet(torrent),
                torrent.torrentUrl(), torrent.releaseName(),
                info.quality() == null ? null : info.quality().label(),
                info.codec() == null ? null : info.codec().label(),
                info.bitDepth(), info.isHdr(), torrent.audioChannels(),
                info.source() == null ? null : info.source().label(),
                torrent.size(), torrent.seeders(), torrent.leechers(), torrent.published()));
    }

    /** The indexer's magnet with the configured trackers added, or one built from the info-hash. */
    private String magnet(IndexedTorrent torrent) {
        Set<String> trackers = new LinkedHashSet<>();
        if (torrent.magnet() != null) {
            try {
                trackers.addAll(Magnet.parse(torrent.magnet()).trackers());
            } catch (InvalidMagnetException e) {
                log.debug("{} gave a malformed magnet for {}: {}", torrent.indexer(), torrent.infoHash(), e.getMessage());
            }
        }
        trackers.addAll(torrentProperties.allTrackers());
        return Magnet.of(torrent.infoHash(), torrent.releaseName(), List.copyOf(trackers)).toUri();
    }
}
