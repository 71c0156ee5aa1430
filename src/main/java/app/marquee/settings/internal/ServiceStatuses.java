package app.marquee.settings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import app.marquee.platform.ServiceStatus;

/**
 * The status of a service group as {@code /api/status} reports it: the reporter of that name, or for
 * {@code indexers} every Torznab indexer's together (the worst of them, each one that is not running named).
 */
@Component
class ServiceStatuses {

    private static final String TORZNAB = "torznab-";

    private final ObjectProvider<ServiceStatus.Reporter> reporters;
    private final ObjectProvider<ServiceStatus.ReporterGroup> groups;

    ServiceStatuses(ObjectProvider<ServiceStatus.Reporter> reporters, ObjectProvider<ServiceStatus.ReporterGroup> groups) {
        this.reporters = reporters;
        this.groups = groups;
    }

    ServiceStatus of(String service) {
        List<ServiceStatus.Reporter> all = Stream.concat(reporters.orderedStream(),
                groups.orderedStream().flatMap(group -> group.reporters().stream())).toList();
        for (ServiceStatus.Reporter reporter : all) {
            if (reporter.service().equals(service)) {
                return reporter.status();
            }
        }
        if (service.equals("indexers")) {
            return worst(all.stream().filter(r -> r.service().startsWith(TORZNAB)).toList());
        }
        return new ServiceStatus(ServiceStatus.State.RUNNING, null, null);
    }

    private static ServiceStatus worst(List<ServiceStatus.Reporter> indexers) {
        if (indexers.isEmpty()) {
            return new ServiceStatus(ServiceStatus.State.RUNNING, null, "no Torznab indexer enabled");
        }
        ServiceStatus.State worst = ServiceStatus.State.RUNNING;
        List<String> notRunning = new ArrayList<>();
        for (ServiceStatus.Reporter indexer : indexers) {
            ServiceStatus status = indexer.status();
            if (status.status() != ServiceStatus.State.RUNNING) {
                notRunning.add(indexer.service() + " " + status.status().value());
            }
            if (status.status().ordinal() > worst.ordinal()) {
                worst = status.status();
            }
        }
        return new ServiceStatus(worst, null, notRunning.isEmpty()
                ? indexers.size() + " Torznab indexer(s) running" : String.join(", ", notRunning));
    }
}
