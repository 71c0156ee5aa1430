package app.marquee.catalog.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.marquee.catalog.tmdb.TmdbClient;
import app.marquee.catalog.tmdb.TmdbData;
import app.marquee.catalog.tmdb.TmdbException;
import app.marquee.sync.SyncTask;

/**
 * {@code movie-sync} (seed flow 4, every 90 min): asks TMDB which movies changed since the last run
 * ({@code /movie/changes}) and re-reads the stored ones among them, bypassing the response cache. The
 * cursor is the day the last run covered up to; TMDB serves at most 14 days of changes.
 */
@Component
class MovieSyncTask implements SyncTask {

    static final int MAX_PAGES = 20;
    static final int MAX_DAYS = 14;

    private final TmdbClient tmdb;
    private final MovieRepository movies;
    private final TitleWriter writer;
    private final GenreNames genreNames;
    private final Clock clock;

    MovieSyncTask(TmdbClient tmdb, MovieRepository movies, TitleWriter writer, GenreNames genreNames, Clock clock) {
        this.tmdb = tmdb;
        this.movies = movies;
        this.writer = writer;
        this.genreNames = genreNames;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "movie-sync";
    }

    @Override
    public Result run(@Nullable String cursor) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = start(cursor, today);
        int refreshed = 0;
        int changed = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            TmdbData.Page<Integer> changes = tmdb.changedMovies(start, today, page);
            changed += changes.results().size();
            for (int tmdbId : movies.findStoredTmdbIds(changes.results())) {
                try {
                    writer.saveMovie(tmdb.movie(tmdbId, TmdbClient.Read.FRESH));
                    refreshed++;
                } catch (TmdbException.NotFound e) {
                    // removed from TMDB since it changed: keep what we have
                }
            }
            if (page >= changes.totalPages()) {
                break;
            }
        }
        if (refreshed > 0) {
            genreNames.reload();
        }
        return new Result(refreshed > 0, today.toString(),
                changed + " changed on TMDB since " + start + ", " + refreshed + " stored movies refreshed");
    }

    private static LocalDate start(@Nullable String cursor, LocalDate today) {
        LocalDate earliest = today.minusDays(MAX_DAYS - 1);
        if (cursor == null) {
            return today.minusDays(1);
        }
        try {
            LocalDate last = LocalDate.parse(cursor);
            return last.isBefore(earliest) ? earliest : last;
        } catch (DateTimeParseException e) {
            return today.minusDays(1);
        }
    }
}
