package app.marquee.sync;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The seven background tasks of seed flow 4 ({@code marquee.sync.*}, CONFIG.md). Each has its own
 * {@code enabled} and {@code period}; {@code marquee.sync.enabled=false} stops them all.
 */
@Validated
@ConfigurationProperties(prefix = "marquee.sync", ignoreUnknownFields = false)
public record SyncProperties(
        @DefaultValue("true") boolean enabled,
        Task listRefresh,
        Task movieSync,
        Task seasonSync,
        Task sourceSearch,
        Task torrentFiles,
        Task trackerStats,
        Task sourceResync) {

    /** The seven tasks of seed flow 4, in the order of their settings. */
    public static final List<String> TASK_NAMES = List.of("list-refresh", "movie-sync", "season-sync",
            "source-search", "torrent-files", "tracker-stats", "source-resync");

    /**
     * The settings of the task named {@code name}.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link #TASK_NAMES}
     */
    public Task task(String name) {
        return switch (name) {
            case "list-refresh" -> listRefresh;
            case "movie-sync" -> movieSync;
            case "season-sync" -> seasonSync;
            case "source-search" -> sourceSearch;
            case "torrent-files" -> torrentFiles;
            case "tracker-stats" -> trackerStats;
            case "source-resync" -> sourceResync;
            default -> throw new IllegalArgumentException("no background task is named '" + name + "'; known: "
                    + TASK_NAMES);
        };
    }

    /** Tasks and periods left out of the configuration take the seed's defaults. */
    public SyncProperties {
        listRefresh = Task.resolve("list-refresh", listRefresh, Duration.ofHours(1));
        movieSync = Task.resolve("movie-sync", movieSync, Duration.ofMinutes(90));
        seasonSync = Task.resolve("season-sync", seasonSync, Duration.ofSeconds(1));
        sourceSearch = Task.resolve("source-search", sourceSearch, Duration.ofMillis(100));
        torrentFiles = Task.resolve("torrent-files", torrentFiles, Duration.ofMillis(200));
        trackerStats = Task.resolve("tracker-stats", trackerStats, Duration.ofSeconds(2));
        sourceResync = Task.resolve("source-resync", sourceResync, Duration.ofSeconds(5));
    }

    /**
     * One task's settings.
     *
     * @param enabled whether it runs at all
     * @param period the pause between two runs; a short period means "take the next item of work, if any"
     */
    public record Task(
            @DefaultValue("true") boolean enabled,
            Duration period) {

        /** Shortest period: below it a task would only spin. */
        static final Duration MIN_PERIOD = Duration.ofMillis(10);

        /**
         * The given settings with the default period filled in. Checked here rather than by a constraint, so
         * the error names the property as the user wrote it ({@code marquee.sync.list-refresh.period}).
         */
        static Task resolve(String name, @Nullable Task given, Duration defaultPeriod) {
            if (given == null) {
                return new Task(true, defaultPeriod);
            }
            if (given.period() == null) {
                return new Task(given.enabled(), defaultPeriod);
            }
            if (given.period().compareTo(MIN_PERIOD) < 0) {
                throw new IllegalArgumentException(
                        "marquee.sync." + name + ".period must be at least " + MIN_PERIOD.toMillis() + "ms");
            }
            return given;
        }
    }
}
