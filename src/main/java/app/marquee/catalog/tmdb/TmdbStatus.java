package app.marquee.catalog.tmdb;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.marquee.platform.ConfigurationChanged;
import app.marquee.platform.ServiceStatus;
import app.marquee.platform.SettingsBinder;

/**
 * TMDB in {@code /api/status}, and its restart: when the {@code tmdb} settings change (or an admin restarts it)
 * {@code marquee.tmdb.*} is bound afresh, the client takes it, and one call to {@code /configuration} checks
 * it, so a pasted token is known good or bad at once. Status: needs_configuration without a token or key, down
 * while the last check failed (until a later call gets an answer) or the circuit breaker holds TMDB off, else
 * running.
 */
@Component
final class TmdbStatus implements ServiceStatus.Reporter {

    private static final Logger log = LoggerFactory.getLogger(TmdbStatus.class);

    private final TmdbClient client;
    private final SettingsBinder binder;
    private volatile TmdbProperties properties;
    private volatile @Nullable String lastCheckFailure;

    TmdbStatus(TmdbClient client, SettingsBinder binder, TmdbProperties properties) {
        this.client = client;
        this.binder = binder;
        this.properties = properties;
    }

    @EventListener
    void restart(ConfigurationChanged change) {
        if (!change.concerns(TmdbHttp.SERVICE)) {
            return;
        }
        TmdbProperties fresh = binder.bind(TmdbProperties.class);
        properties = fresh;
        lastCheckFailure = client.reconfigure(fresh);
        log.info("TMDB restarted with {}: {}", fresh, lastCheckFailure == null ? "ok" : lastCheckFailure);
    }

    @Override
    public String service() {
        return TmdbHttp.SERVICE;
    }

    @Override
    public ServiceStatus status() {
        if (!properties.hasCredentials()) {
            return ServiceStatus.needsConfiguration("marquee.tmdb.access-token");
        }
        String failure = lastCheckFailure;
        // a check that failed while TMDB was briefly unreachable stops counting once TMDB answers
        if (failure != null && !client.answeredSinceReconfigured()) {
            return new ServiceStatus(ServiceStatus.State.DOWN, null, failure);
        }
        if (!client.available()) {
            return new ServiceStatus(ServiceStatus.State.DOWN, null, "held off after repeated failures");
        }
        return ServiceStatus.running();
    }
}
