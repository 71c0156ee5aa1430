package app.marquee.trakt.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import app.marquee.catalog.TitleIds;
import app.marquee.catalog.TitleIds.EpisodeRef;
import app.marquee.platform.ApiException;
import app.marquee.trakt.ProgressEntry;

/**
 * Watch progress per user and title, and what it tells Trakt: a user who watches, pauses or finishes has it
 * scrobbled (start, pause, stop) through the outbox, and a finished title goes to their Trakt history.
 */
@Component
public class ProgressTracker {

    private final WatchProgressRepository progress;
    private final TitleIds titles;
    private final TraktOutbox outbox;
    private final JsonMapper json;
    private final TransactionTemplate write;
    private final TransactionTemplate read;
    private final Clock clock;

    public ProgressTracker(WatchProgressRepository progress, TitleIds titles, TraktOutbox outbox, JsonMapper json,
            PlatformTransactionManager transactions, Clock clock) {
        this.progress = progress;
        this.titles = titles;
        this.outbox = outbox;
        this.json = json;
        this.write = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.clock = clock;
    }

    /** What a client reports. {@code status} is watching, paused or completed; {@code fraction} is 0..1. */
    public record Report(String type, double fraction, String status, @Nullable Integer movieId,
            @Nullable Integer showId, @Nullable Integer season, @Nullable Integer episode) {
    }


    /**
     * Records a report for a known title.
     *
     * @throws ApiException 404 when the title does not exist
     */
    public void record(String userId, Report report) {
        Map<String, Object> traktItem;
        Long movieId = null;
        Long episodeId = null;
        if ("movie".equals(report.type())) {
            movieId = titles.movieId(report.movieId())
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Movie not found"));
            traktItem = Map.of("movie", Map.of("ids", Map.of("tmdb", report.movieId())));
        } else {
            EpisodeRef ref = titles.episode(report.showId(), report.season(), report.episode())
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Episode not found"));
            episodeId = ref.episodeId();
            traktItem = Map.of("show", Map.of("ids", Map.of("tmdb", ref.showTmdbId())),
                    "episode", Map.of("season", ref.season(), "number", ref.episode()));
        }
        upsert(userId, movieId, episodeId, report);
        scrobble(userId, report, traktItem, movieId != null ? "m" + movieId : "e" + episodeId);
    }

    public List<ProgressEntry> list(String userId) {
        List<WatchProgress> rows = read.execute(status -> progress.findByUserIdOrderByUpdatedAtDesc(userId));
        Map<Long, Integer> movies = titles.movieTmdbIds(rows.stream().map(WatchProgress::getMovieId)
                .filter(java.util.Objects::nonNull).toList());
        Map<Long, EpisodeRef> episodes = titles.episodes(rows.stream().map(WatchProgress::getEpisodeId)
                .filter(java.util.Objects::nonNull).toList());
        List<ProgressEntry> entries = new ArrayList<>();
        for (WatchProgress row : rows) {
            if (row.getMovieId() != null && movies.containsKey(row.getMovieId())) {
                entries.add(new ProgressEntry(row.getId(), "movie", row.getProgress(), row.getStatus(), row.getUpdatedAt(),
                        movies.get(row.getMovieId()), null, null, null));
            } else if (row.getEpisodeId() != null && episodes.containsKey(row.getEpisodeId())) {
                EpisodeRef ref = episodes.get(row.getEpisodeId());
                entries.add(new ProgressEntry(row.getId(), "episode", row.getProgress(), row.getStatus(), row.getUpdatedAt(),
                        null, ref.showTmdbId(), ref.season(), ref.episode()));
            }
        }
        return entries;
    }

    private void upsert(String userId, @Nullable Long movieId, @Nullable Long episodeId, Report report) {
        Runnable save = () -> write.executeWithoutResult(status -> {
            WatchProgress row = (movieId != null
                    ? progress.findByUserIdAndMovieId(userId, movieId)
                    : progress.findByUserIdAndEpisodeId(userId, episodeId))
                    .orElseGet(() -> new WatchProgress(userId, movieId, episodeId));
            row.update(report.fraction(), report.status(), clock.instant());
            progress.saveAndFlush(row);
        });
        try {
            save.run();
        } catch (DataIntegrityViolationException e) {
            save.run(); // the first report of this title raced another: the row exists now, update it
        }
    }

    private void scrobble(String userId, Report report, Map<String, Object> item, String title) {
        Instant now = clock.instant();
        String endpoint = switch (report.status()) {
            case "watching" -> "/scrobble/start";
            case "paused" -> "/scrobble/pause";
            default -> "/scrobble/stop";
        };
        Map<String, Object> body = new java.util.HashMap<>(item);
        body.put("progress", Math.round(report.fraction() * 10_000) / 100.0);
        // one scrobble per user, title, action and minute: a player that reports twice does not scrobble twice
        outbox.enqueue(userId, endpoint, json.writeValueAsString(body),
                String.format(Locale.ROOT, "scrobble:%s:%s:%s:%d", userId, title, report.status(),
                        now.getEpochSecond() / 60));
        if ("completed".equals(report.status())) {
            outbox.enqueue(userId, "/sync/history", json.writeValueAsString(history(item, now)),
                    String.format(Locale.ROOT, "history:%s:%s:%s", userId, title, now.atZone(ZoneOffset.UTC).toLocalDate()));
        }
    }

    /** Trakt's {@code /sync/history} body for one watched movie or episode (episodes under their show). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> history(Map<String, Object> item, Instant watchedAt) {
        if (item.containsKey("movie")) {
            Map<String, Object> movie = new java.util.HashMap<>((Map<String, Object>) item.get("movie"));
            movie.put("watched_at", watchedAt.toString());
            return Map.of("movies", List.of(movie));
        }
        Map<String, Object> episode = (Map<String, Object>) item.get("episode");
        Map<String, Object> show = (Map<String, Object>) item.get("show");
        return Map.of("shows", List.of(Map.of("ids", show.get("ids"), "seasons", List.of(Map.of(
                "number", episode.get("season"),
                "episodes", List.of(Map.of("number", episode.get("number"), "watched_at", watchedAt.toString())))))));
    }
}
