package app.marquee.trakt.internal;

import org.springframework.stereotype.Component;

import app.marquee.platform.ServiceStatus;
import app.marquee.trakt.client.TraktClient;

/** Trakt in {@code /api/status}: configured or not. */
@Component
class TraktStatus implements ServiceStatus.Reporter {

    private final TraktClient trakt;

    TraktStatus(TraktClient trakt) {
        this.trakt = trakt;
    }

    @Override
    public String service() {
        return "trakt";
    }

    @Override
    public ServiceStatus status() {
        return trakt.isConfigured()
                ? ServiceStatus.running()
                : ServiceStatus.needsConfiguration("marquee.trakt.client-id", "marquee.trakt.client-secret");
    }
}
