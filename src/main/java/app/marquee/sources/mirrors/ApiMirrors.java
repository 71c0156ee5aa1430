package app.marquee.sources.mirrors;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.network.NetworkGate;
import app.marquee.platform.ServiceMetrics;
import app.marquee.platform.ServiceStatus;

/**
 * An indexer API's mirrors in their configured order, asked with failover: the mirror that answered last first,
 * then the others; a mirror that fails (or is cooling down) passes the request to the next. An API with one
 * endpoint (a Torznab indexer) is a list of one. Thread-safe.
 *
 * @param <B> what the body of an answer is read as ({@link ApiProtocol#bodyHandler()})
 */
public final class ApiMirrors<B> {

    private static final Logger log = LoggerFactory.getLogger(ApiMirrors.class);

    /** No mirror answered; {@link #failures()} says why for each, in the order they were tried. */
    public static final class Unavailable extends RuntimeException {

        private final Map<URI, String> failures;

        Unavailable(Map<URI, String> failures) {
            super(failures.toString(), null, false, false);
            this.failures = Map.copyOf(failures);
        }

        public Map<URI, String> failures() {
            return new LinkedHashMap<>(failures);
        }
    }

    private final ApiMirror.Settings settings;
    private final NetworkGate gate;
    private final List<ApiMirror<B>> mirrors;
    private final AtomicReference<ApiMirror<B>> lastAnswered;

    public ApiMirrors(List<URI> roots, ApiMirror.Settings settings, ApiProtocol<B> protocol, NetworkGate gate,
            ServiceMetrics metrics, Clock clock) {
        this.settings = settings;
        this.gate = gate;
        this.mirrors = roots.stream().map(root -> new ApiMirror<>(root, settings, protocol, metrics, clock)).toList();
        this.lastAnswered = new AtomicReference<>(mirrors.getFirst());
    }

    /**
     * The first answer to {@code request} a mirror gives, as {@code read} reads it.
     *
     * @param what what is asked, for logs ({@code tt0111161})
     * @param read reads a 200; throws {@link ApiMirror.Failure} when its body is not the answer asked for
     * @throws Unavailable when no mirror answered
     * @throws app.marquee.network.VpnDownException when indexer traffic must go through the VPN and it is down
     */
    public <T> T get(String request, String what, Function<HttpResponse<B>, T> read) {
        Map<URI, String> failures = new LinkedHashMap<>();
        for (ApiMirror<B> mirror : order()) {
            HttpClient http = gate.httpClient(NetworkGate.Purpose.INDEXER); // per request: may throw VpnDownException
            try {
                T answer = mirror.get(http, request, read);
                lastAnswered.set(mirror);
                if (!failures.isEmpty()) {
                    log.info("{} mirror {} answered {} after {}", settings.api(), mirror.root(), what, failures);
                }
                return answer;
            } catch (ApiMirror.Failure e) {
                log.debug("{} mirror {} gave no answer to {}: {}", settings.api(), mirror.root(), what, e.getMessage());
                failures.put(mirror.root(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(mirror.root(), "interrupted");
                break;
            }
        }
        throw new Unavailable(failures);
    }

    /** Every mirror in configured order, with its state and last error. */
    public List<MirrorHealth> health() {
        return mirrors.stream().map(ApiMirror::health).toList();
    }

    /**
     * The API in {@code /api/status}: running while every mirror is usable, degraded while some cool down after
     * failing, down while all do (a search would fail at once).
     */
    public ServiceStatus status() {
        List<MirrorHealth> all = health();
        List<MirrorHealth> cooling = all.stream().filter(m -> m.state() == MirrorHealth.State.COOLING_DOWN).toList();
        if (cooling.isEmpty()) {
            return ServiceStatus.running();
        }
        String failing = cooling.stream().map(m -> m.uri() + " (" + m.lastError() + ")")
                .collect(Collectors.joining(", "));
        if (cooling.size() == all.size()) {
            return new ServiceStatus(ServiceStatus.State.DOWN, null, "every " + settings.api() + " mirror failed: " + failing);
        }
        return new ServiceStatus(ServiceStatus.State.DEGRADED, null,
                cooling.size() + " of " + all.size() + " " + settings.api() + " mirrors failed: " + failing);
    }

    /** Forgets every mirror's failures and the last one that answered: the next request starts afresh. */
    public void reset() {
        mirrors.forEach(ApiMirror::reset);
        lastAnswered.set(mirrors.getFirst());
    }

    /** The mirror that answered last, then the others in configured order. */
    private List<ApiMirror<B>> order() {
        ApiMirror<B> first = lastAnswered.get();
        List<ApiMirror<B>> order = new ArrayList<>(mirrors.size());
        order.add(first);
        for (ApiMirror<B> mirror : mirrors) {
            if (mirror != first) {
                order.add(mirror);
            }
        }
        return order;
    }
}
