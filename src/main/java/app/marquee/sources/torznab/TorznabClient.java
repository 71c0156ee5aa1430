package app.marquee.sources.torznab;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieSummary;
import app.marquee.torrent.InfoHash;
import app.marquee.network.NetworkGate;
import app.marquee.platform.ConfigurationChanged;
import app.marquee.platform.ServiceMetrics;
import app.marquee.platform.SettingsBinder;
import app.marquee.sources.IndexedTorrent;
import app.marquee.sources.Indexer;
import app.marquee.sources.IndexersProperties;
import app.marquee.sources.ReleaseInfo;

/**
 * The Torznab endpoints of {@code marquee.indexers.torznab}, one {@link TorznabIndexer} each, in configured
 * order; none when none is configured or enabled. Each is searched on its own: a caller asks those it wants and takes
 * what answers. All traffic goes through {@link NetworkGate} as {@link NetworkGate.Purpose#INDEXER} traffic.
 */
@Component
public final class TorznabClient {

    private static final Logger log = LoggerFactory.getLogger(TorznabClient.class);

    private final NetworkGate gate;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final SettingsBinder binder;
    private volatile List<TorznabIndexer> indexers;

    TorznabClient(IndexersProperties properties, NetworkGate gate, ServiceMetrics metrics, Clock clock,
            SettingsBinder binder) {
        this.gate = gate;
        this.metrics = metrics;
        this.clock = clock;
        this.binder = binder;
        this.indexers = endpoints(properties);
    }

    private List<TorznabIndexer> endpoints(IndexersProperties properties) {
        Set<String> names = new HashSet<>();
        for (IndexersProperties.Torznab settings : properties.torznab()) {
            if (!names.add(settings.name())) {
                throw new IllegalStateException("two marquee.indexers.torznab entries are named " + settings.name());
            }
        }
        return properties.torznab().stream()
                .filter(IndexersProperties.Torznab::enabled)
                .map(settings -> new TorznabIndexer(settings, gate, metrics, clock))
                .toList();
    }

    /**
     * Re-reads {@code marquee.indexers.torznab} when the {@code indexers} settings change at run time or an admin
     * restarts them: endpoints added or enabled are asked by the next search, removed or disabled ones no more,
     * and every endpoint starts with its failures forgotten. A search under way finishes with the old list.
     */
    @EventListener
    void restart(ConfigurationChanged change) {
        if (change.concerns("indexers")) {
            indexers = endpoints(binder.bind(IndexersProperties.class));
            log.info("Torznab indexers restarted: {}", indexers.stream().map(TorznabIndexer::name).toList());
        }
    }

    /** Every enabled endpoint, in configured order. */
    public List<TorznabIndexer> indexers() {
        return indexers;
    }

    /**
     * The endpoints as indexers of the source search. Results carry no torrent URL: Torznab download links hold
     * the API key, which must not be stored or logged; the metadata comes from peers or a torrent cache.
     */
    public List<Indexer> asIndexers() {
        return indexers.stream().<Indexer>map(TorznabClient::movieIndexer).toList();
    }

    private static Indexer movieIndexer(TorznabIndexer endpoint) {
        return new Indexer() {
            @Override
            public String name() {
                return endpoint.name();
            }

            @Override
            public List<IndexedTorrent> searchMovie(MovieSummary movie) {
                if (movie.imdbId() == null) {
                    return List.of();
                }
                return endpoint.searchMovie(movie.imdbId()).stream().map(result -> indexed(endpoint, result)).toList();
            }

            @Override
            public boolean listsEpisodes() {
                return true;
            }

            /** The episode's releases, then the season's (where the packs are): two searches, merged. */
            @Override
            public List<IndexedTorrent> searchEpisode(EpisodeSummary episode) {
                Map<InfoHash, IndexedTorrent> found = new LinkedHashMap<>();
                for (Integer number : java.util.Arrays.asList(episode.episodeNumber(), null)) {
                    for (TorznabResult result : endpoint.searchEpisode(episode.showImdbId(), episode.showTvdbId(),
                            episode.showName(), episode.seasonNumber(), number)) {
                        found.putIfAbsent(result.infoHash(), indexed(endpoint, result));
                    }
                }
                return List.copyOf(found.values());
            }
        };
    }

    private static IndexedTorrent indexed(TorznabIndexer endpoint, TorznabResult result) {
        return new IndexedTorrent(endpoint.name(), result.infoHash(), result.title(), ReleaseInfo.parse(result.title()),
                result.magnet(), null, result.size(), result.seeders(), result.leechers(), null, result.published());
    }

    /** Forgets every endpoint's failures: each is asked again at once. */
    public void restart() {
        indexers.forEach(TorznabIndexer::reset);
    }
}
