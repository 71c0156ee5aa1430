package app.marquee.sources.torznab;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.marquee.network.NetworkGate;
import app.marquee.platform.ServiceMetrics;
import app.marquee.sources.IndexersProperties;

/**
 * The Torznab endpoints of {@code marquee.indexers.torznab}, one {@link TorznabIndexer} each, in configured
 * order; none when none is configured. Each is searched on its own: a caller asks those it wants and takes
 * what answers. All traffic goes through {@link NetworkGate} as {@link NetworkGate.Purpose#INDEXER} traffic.
 */
@Component
public final class TorznabClient {

    private final List<TorznabIndexer> indexers;

    TorznabClient(IndexersProperties properties, NetworkGate gate, ServiceMetrics metrics, Clock clock) {
        Set<String> names = new HashSet<>();
        for (IndexersProperties.Torznab settings : properties.torznab()) {
            if (!names.add(settings.name())) {
                throw new IllegalStateException("two marquee.indexers.torznab entries are named " + settings.name());
            }
        }
        this.indexers = properties.torznab().stream()
                .map(settings -> new TorznabIndexer(settings, gate, metrics, clock))
                .toList();
    }

    /** Every configured endpoint, in configured order. */
    public List<TorznabIndexer> indexers() {
        return indexers;
    }

    /** Forgets every endpoint's failures: each is asked again at once. */
    public void restart() {
        indexers.forEach(TorznabIndexer::reset);
    }
}
