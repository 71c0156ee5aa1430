package app.marquee.trakt.internal;

import org.springframework.stereotype.Component;

import app.marquee.platform.ServiceStatus;
import app.marquee.trakt.TraktProperties;

/** Trakt in {@code /api/status}: configured or not. */
@Component
class TraktStatus implements ServiceStatus.Reporter {

    private final TraktProperties properties;

    TraktStatus(TraktProperties properties) {
        this.properties = properties;
    }

    @Override
    public String service() {
        return "trakt";
    }

    @Override
    public ServiceStatus status() {
        return properties.isConfigured()
                ? ServiceStatus.running()
                : ServiceStatus.needsConfiguration("marquee.trakt.client-id", "marquee.trakt.client-secret");
    }
}
