package app.marquee.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

import app.marquee.platform.ServiceMetrics;
import app.marquee.platform.ServiceStatus;
import app.marquee.sync.internal.SyncState;
import app.marquee.sync.internal.SyncStateRepository;

/**
 * What {@code GET /api/stats} (API.md) reports, for the route and for the admin pages: calls to each outside
 * service (from {@link ServiceMetrics}), each service's health (as {@code /api/status} has it), each background
 * task's last run (from SyncState), and the streams and disk use of the streaming module
 * ({@link StreamActivity}); later features add fields, never rename.
 */
@Component
public class ServerStats {

    private final MeterRegistry registry;
    private final SyncStateRepository states;
    private final ObjectProvider<StreamActivity> streaming;
    private final ObjectProvider<ServiceStatus.Reporter> reporters;
    private final ObjectProvider<ServiceStatus.ReporterGroup> groups;

    ServerStats(MeterRegistry registry, SyncStateRepository states, ObjectProvider<StreamActivity> streaming,
            ObjectProvider<ServiceStatus.Reporter> reporters, ObjectProvider<ServiceStatus.ReporterGroup> groups) {
        this.registry = registry;
        this.states = states;
        this.streaming = streaming;
        this.reporters = reporters;
        this.groups = groups;
    }

    public record Latency(double p50, double p95) {
    }

    public record ServiceStats(long requests, long errors, Latency latencyMs) {
    }

    public record TaskStats(@Nullable Instant lastRun, @Nullable String outcome, @Nullable Long durationMs,
            @Nullable Instant nextRun) {
    }

    public record Disk(long usedBytes, long quotaBytes) {
    }

    /**
     * @param health how each outside service (each indexer, each YTS/EZTV mirror group, TMDB, Trakt...) is doing,
     *        as {@code /api/status} reports it
     */
    public record Stats(Map<String, ServiceStats> services, Map<String, TaskStats> tasks,
            List<StreamActivity.Stream> streams, Disk disk, Map<String, ServiceStatus> health) {
    }

    @Transactional(readOnly = true)
    public Stats now() {
        Map<String, ServiceStats> services = new TreeMap<>();
        for (Timer timer : registry.find(ServiceMetrics.REQUESTS).timers()) {
            String service = timer.getId().getTag(ServiceMetrics.SERVICE_TAG);
            if (service == null) {
                continue;
            }
            Counter errors = registry.find(ServiceMetrics.ERRORS).tag(ServiceMetrics.SERVICE_TAG, service).counter();
            double p50 = 0;
            double p95 = 0;
            for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
                if (value.percentile() == 0.5) {
                    p50 = value.value(TimeUnit.MILLISECONDS);
                } else if (value.percentile() == 0.95) {
                    p95 = value.value(TimeUnit.MILLISECONDS);
                }
            }
            services.put(service, new ServiceStats(timer.count(), errors == null ? 0 : (long) errors.count(),
                    new Latency(p50, p95)));
        }
        Map<String, TaskStats> tasks = new LinkedHashMap<>();
        for (SyncState state : states.findAllByOrderByTaskAsc()) {
            tasks.put(state.task(), new TaskStats(state.lastRunAt(), state.outcome(), state.durationMs(),
                    state.nextRunAt()));
        }
        Map<String, ServiceStatus> health = ServiceStatus.report(reporters, groups);
        StreamActivity activity = streaming.getIfAvailable();
        return activity == null
                ? new Stats(services, tasks, List.of(), new Disk(0, 0), health)
                : new Stats(services, tasks, activity.streams(),
                        new Disk(activity.diskUsedBytes(), activity.diskQuotaBytes()), health);
    }
}
