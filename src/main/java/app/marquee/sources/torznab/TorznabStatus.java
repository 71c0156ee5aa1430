package app.marquee.sources.torznab;

import java.util.List;

import org.springframework.stereotype.Component;

import app.marquee.platform.ServiceStatus;

/**
 * Each Torznab endpoint in {@code /api/status} as {@code torznab-<name>}: running, or down with the reason
 * while it cools down after failing (a search of it fails at once then).
 */
@Component
final class TorznabStatus implements ServiceStatus.ReporterGroup {

    private final TorznabClient client;

    TorznabStatus(TorznabClient client) {
        this.client = client;
    }

    @Override
    public List<ServiceStatus.Reporter> reporters() {
        return client.indexers().stream().<ServiceStatus.Reporter>map(indexer -> new ServiceStatus.Reporter() {
            @Override
            public String service() {
                return indexer.service();
            }

            @Override
            public ServiceStatus status() {
                return indexer.status();
            }
        }).toList();
    }
}
