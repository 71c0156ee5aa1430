package app.marquee.sources.eztv;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.marquee.platform.ServiceStatus;

/**
 * EZTV in {@code /api/status}: running while every mirror is usable, degraded while some cool down after
 * failing, down while all do (a search would fail at once).
 */
@Component
final class EztvStatus implements ServiceStatus.Reporter {

    private final EztvClient client;

    EztvStatus(EztvClient client) {
        this.client = client;
    }

    @Override
    public String service() {
        return EztvClient.SERVICE;
    }

    @Override
    public ServiceStatus status() {
        List<MirrorHealth> mirrors = client.mirrors();
        List<MirrorHealth> cooling = mirrors.stream()
                .filter(m -> m.state() == MirrorHealth.State.COOLING_DOWN)
                .toList();
        if (cooling.isEmpty()) {
            return ServiceStatus.running();
        }
        String failing = cooling.stream()
                .map(m -> m.uri() + " (" + m.lastError() + ")")
                .collect(Collectors.joining(", "));
        if (cooling.size() == mirrors.size()) {
            return new ServiceStatus(ServiceStatus.State.DOWN, null, "every EZTV mirror failed: " + failing);
        }
        return new ServiceStatus(ServiceStatus.State.DEGRADED, null,
                cooling.size() + " of " + mirrors.size() + " EZTV mirrors failed: " + failing);
    }
}
