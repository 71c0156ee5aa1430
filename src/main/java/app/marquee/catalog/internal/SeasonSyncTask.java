package app.marquee.catalog.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import app.marquee.catalog.tmdb.TmdbClient;
import app.marquee.catalog.tmdb.TmdbException;
import app.marquee.sync.SyncTask;

/**
 * {@code season-sync} (seed flow 4, every second): takes the next season whose episodes were never read
 * and reads them (response cache, else TMDB). One season per run; with none left a run is one indexed
 * query, and {@link #hasWork()} lets the scheduler skip it without a lock. A season TMDB does not know is stored without episodes, so it is not asked for again.
 */
@Component
class SeasonSyncTask implements SyncTask {

    private final SeasonRepository seasons;
    private final TmdbClient tmdb;
    private final TitleWriter writer;

    SeasonSyncTask(SeasonRepository seasons, TmdbClient tmdb, TitleWriter writer) {
        this.seasons = seasons;
        this.tmdb = tmdb;
        this.writer = writer;
    }

    @Override
    public String name() {
        return "season-sync";
    }

    @Override
    public boolean hasWork() {
        return seasons.existsByEpisodesSyncedAtIsNull();
    }

    @Override
    public Result run(@Nullable String cursor) {
        List<Object[]> next = seasons.findIncomplete(PageRequest.of(0, 1));
        if (next.isEmpty()) {
            return Result.idle();
        }
        int show = (Integer) next.getFirst()[0];
        int number = (Integer) next.getFirst()[1];
        try {
            writer.saveSeason(show, tmdb.season(show, number, TmdbClient.Read.CACHED));
            return Result.worked("show " + show + " season " + number);
        } catch (TmdbException.NotFound e) {
            writer.markSeasonMissing(show, number);
            return Result.worked("show " + show + " season " + number + ": not on TMDB");
        }
    }
}
