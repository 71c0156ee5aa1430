package app.marquee.sources.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.marquee.network.NetworkGate;
import app.marquee.sources.SourcesProperties;
import app.marquee.sources.tracker.ScrapeResult;
import app.marquee.sources.tracker.TrackerScraper;
import app.marquee.sync.SyncTask;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentProperties;

/**
 * {@code tracker-stats} (seed flow 4, every 2 s): scrapes seeders and leechers of the sources whose counts
 * are stalest (never-counted first), a batch per run, from every tracker of the magnets
 * ({@code marquee.torrent.trackers} and {@code extra-trackers}); a source's count is the best any tracker gives.
 * A tracker that fails twice in a row rests for half an hour (Resilience4j circuit breaker). When no tracker
 * answers, the run fails, so the scheduler backs off instead of hammering them.
 */
@Component
class TrackerStatsTask implements SyncTask {

    private static final Logger log = LoggerFactory.getLogger(TrackerStatsTask.class);
    /** Public tracker lists hold dead trackers for years: one that keeps failing is left alone this long. */
    static final Duration TRACKER_REST = Duration.ofMinutes(30);

    private final SourceStore store;
    private final TrackerScraper scraper;
    private final NetworkGate gate;
    private final SourcesProperties properties;
    private final TorrentProperties torrentProperties;
    private final Clock clock;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    TrackerStatsTask(SourceStore store, TrackerScraper scraper, NetworkGate gate, SourcesProperties properties,
            TorrentProperties torrentProperties, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.scraper = scraper;
        this.gate = gate;
        this.properties = properties;
        this.torrentProperties = torrentProperties;
    }

    @Override
    public String name() {
        return "tracker-stats";
    }

    @Override
    public boolean hasWork() {
        return gate.isTorrentTrafficAllowed() && store.statsDue();
    }

    @Override
    public Result run(@Nullable String cursor) {
        if (!gate.isTorrentTrafficAllowed()) {
            return new Result(false, null, "paused: the VPN is down");
        }
        List<TorrentSource> due = store.statsDue(properties.scrapeBatch());
        if (due.isEmpty()) {
            return Result.idle();
        }
        Map<InfoHash, List<Long>> sourcesByHash = new HashMap<>();
        for (TorrentSource source : due) {
            sourcesByHash.computeIfAbsent(InfoHash.of(source.infoHash()), hash -> new ArrayList<>()).add(source.id());
        }
        List<InfoHash> hashes = List.copyOf(sourcesByHash.keySet());
        Map<InfoHash, ScrapeResult> best = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int answered = 0;
        int skipped = 0;
        for (String tracker : torrentProperties.allTrackers()) {
            CircuitBreaker breaker = breakers.computeIfAbsent(tracker, this::breaker);
            if (!breaker.tryAcquirePermission()) {
                skipped++;
                continue;
            }
            long started = System.nanoTime();
            try {
                Map<InfoHash, ScrapeResult> counts = scraper.scrape(tracker, hashes);
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                answered++;
                counts.forEach((hash, result) -> best.merge(hash, result,
                        (a, b) -> a.seeders() >= b.seeders() ? a : b));
            } catch (RuntimeException e) {
                gate.checkTorrentTrafficAllowed();
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                failures.add(tracker + ": " + e.getMessage());
                log.debug("Scrape of {} failed: {}", tracker, e.toString());
            }
        }
        if (answered == 0) {
            throw new IllegalStateException("no tracker answered the scrape (" + skipped + " resting after failures)"
                    + (failures.isEmpty() ? "" : ": " + String.join("; ", failures)));
        }
        Map<Long, ScrapeResult> counts = new HashMap<>();
        best.forEach((hash, result) -> sourcesByHash.getOrDefault(hash, List.of()).forEach(id -> counts.put(id, result)));
        store.saveCounts(due.stream().map(TorrentSource::id).toList(), counts);
        return Result.worked(due.size() + " source(s) counted, " + answered + " tracker(s) answered"
                + (failures.isEmpty() ? "" : ", " + failures.size() + " failed"));
    }

    /** A tracker that failed twice in a row rests for {@link #TRACKER_REST} before it is asked again. */
    private CircuitBreaker breaker(String tracker) {
        return CircuitBreaker.of("tracker " + tracker, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(2)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(TRACKER_REST)
                .clock(clock)
                .build());
    }
}
