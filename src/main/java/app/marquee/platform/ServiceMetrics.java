package app.marquee.platform;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Counts the calls Marquee makes to outside services (TMDB, YTS, Trakt...): one timer per service with
 * its p50/p95, and one error counter. {@code /api/stats} and {@code /actuator/prometheus} read them, so a
 * client only records and never knows who reports.
 */
@Component
public final class ServiceMetrics {

    /** Timer of every call, tagged {@code service}. */
    public static final String REQUESTS = "marquee.service.requests";
    /** Counter of calls that failed (5xx, 429, timeouts, unreadable answers), tagged {@code service}. */
    public static final String ERRORS = "marquee.service.errors";
    public static final String SERVICE_TAG = "service";

    private final MeterRegistry registry;

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one call of {@code service} that took {@code duration}. */
    public void record(String service, Duration duration, boolean failed) {
        Timer.builder(REQUESTS)
                .tag(SERVICE_TAG, service)
                .publishPercentiles(0.5, 0.95)
                .register(registry)
                .record(duration);
        Counter errors = Counter.builder(ERRORS).tag(SERVICE_TAG, service).register(registry);
        if (failed) {
            errors.increment();
        }
    }
}
