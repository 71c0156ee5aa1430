package app.marquee.platform;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import org.jspecify.annotations.Nullable;

/**
 * How one outside service (or the torrent engine) is doing, for {@code GET /api/status} (API.md). Each module
 * that talks to a service exposes a bean of {@link Reporter} (or a {@link ReporterGroup} when configuration
 * decides how many instances there are); the status route lists them all.
 *
 * @param status running, degraded, down or needs_configuration
 * @param missingVars the settings to set when the status is needs_configuration
 * @param message a short human explanation, never a secret
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceStatus(State status, @Nullable List<String> missingVars, @Nullable String message) {

    public enum State {
        RUNNING("running"), DEGRADED("degraded"), DOWN("down"), NEEDS_CONFIGURATION("needs_configuration");

        private final String value;

        State(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }
    }

    public static ServiceStatus running() {
        return new ServiceStatus(State.RUNNING, null, null);
    }

    /** Every reporter's status by service key, sorted, as {@code /api/status} and {@code /api/stats} show them. */
    public static java.util.SortedMap<String, ServiceStatus> report(Iterable<Reporter> reporters,
            Iterable<ReporterGroup> groups) {
        java.util.SortedMap<String, ServiceStatus> services = new java.util.TreeMap<>();
        for (Reporter reporter : reporters) {
            services.put(reporter.service(), reporter.status());
        }
        for (ReporterGroup group : groups) {
            for (Reporter reporter : group.reporters()) {
                services.put(reporter.service(), reporter.status());
            }
        }
        return services;
    }

    public static ServiceStatus needsConfiguration(String... settings) {
        return new ServiceStatus(State.NEEDS_CONFIGURATION, List.of(settings), null);
    }

    /** One service's reporter. */
    public interface Reporter {

        /** The service's key in the report: {@code tmdb}, {@code yts}, {@code trakt}, {@code torrent}... */
        String service();

        ServiceStatus status();
    }

    /** Reporters of services configured in any number, such as one per Torznab indexer. */
    public interface ReporterGroup {

        /** One reporter per configured instance, each under its own service key; may be empty. */
        List<Reporter> reporters();
    }
}
