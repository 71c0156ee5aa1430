package app.marquee.sources.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.MovieSummary;
import app.marquee.network.NetworkGate;
import app.marquee.sync.SyncTask;

/**
 * {@code source-search} (seed flow 4, every 100 ms): searches the sources of the next movie never searched,
 * most popular first. A failing indexer fails the run, which backs the task off.
 */
@Component
class SourceSearchTask implements SyncTask {

    private final CatalogApi catalog;
    private final SourceSearch search;
    private final NetworkGate gate;

    SourceSearchTask(CatalogApi catalog, SourceSearch search, NetworkGate gate) {
        this.catalog = catalog;
        this.search = search;
        this.gate = gate;
    }

    @Override
    public String name() {
        return "source-search";
    }

    @Override
    public boolean hasWork() {
        return gate.isTorrentTrafficAllowed() && !catalog.moviesNeverSearchedForSources(1).isEmpty();
    }

    @Override
    public Result run(@Nullable String cursor) {
        if (!gate.isTorrentTrafficAllowed()) {
            return new Result(false, null, "paused: the VPN is down");
        }
        List<MovieSummary> next = catalog.moviesNeverSearchedForSources(1);
        if (next.isEmpty()) {
            return Result.idle();
        }
        MovieSummary movie = next.getFirst();
        int added = search.search(movie);
        return Result.worked("movie " + movie.tmdbId() + ": " + added + " new source(s)");
    }
}
