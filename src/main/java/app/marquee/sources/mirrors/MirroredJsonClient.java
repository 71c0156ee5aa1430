package app.marquee.sources.mirrors;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

import app.marquee.network.NetworkGate;
import app.marquee.platform.ServiceMetrics;
import app.marquee.platform.ServiceStatus;

/**
 * What the client of a JSON indexer API with mirrors (YTS, EZTV) is besides its searches: its mirrors asked with
 * failover, their health, a restart and its line in {@code /api/status}. A subclass keeps what is its API's own:
 * the requests it makes and how it reads their payloads. Thread-safe.
 */
public abstract class MirroredJsonClient implements ServiceStatus.Reporter {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String service;
    private final JsonApi api;
    private final ApiMirrors<String> mirrors;
    private final BiFunction<String, Map<URI, String>, ? extends MirrorsUnavailableException> unavailable;

    /**
     * @param reader tells the API's answers from parking pages and reads their payload
     * @param unavailable the client's exception when no mirror answered, from what was asked and why each failed
     */
    protected MirroredJsonClient(List<URI> roots, ApiMirror.Settings settings, ApiMirror.Reader reader,
            BiFunction<String, Map<URI, String>, ? extends MirrorsUnavailableException> unavailable,
            NetworkGate gate, ServiceMetrics metrics, Clock clock) {
        this.service = settings.service();
        this.api = new JsonApi(settings.api(), reader);
        this.mirrors = new ApiMirrors<>(roots, settings, api, gate, metrics, clock);
        this.unavailable = unavailable;
    }

    /**
     * The payload of the first mirror's answer to {@code pathAndQuery}.
     *
     * @param what what is asked, for logs and the exception ({@code tt0111161})
     * @throws MirrorsUnavailableException the client's own, when no mirror answered
     * @throws app.marquee.network.VpnDownException when indexer traffic must go through the VPN and it is down
     */
    protected final JsonNode get(String pathAndQuery, String what) {
        try {
            return mirrors.get(pathAndQuery, what, api::read);
        } catch (ApiMirrors.Unavailable e) {
            MirrorsUnavailableException failed = unavailable.apply(what, e.failures());
            log.warn(failed.getMessage());
            throw failed;
        }
    }

    /** Every mirror in configured order, with its state and last error. */
    public final List<MirrorHealth> mirrors() {
        return mirrors.health();
    }

    /** Forgets every mirror's failures and the last one that answered: the next search starts afresh. */
    public final void restart() {
        mirrors.reset();
    }

    @Override
    public final String service() {
        return service;
    }

    /** Running while every mirror is usable, degraded while some cool down after failing, down while all do. */
    @Override
    public final ServiceStatus status() {
        return mirrors.status();
    }
}
