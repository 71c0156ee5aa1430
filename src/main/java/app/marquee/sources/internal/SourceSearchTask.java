package app.marquee.sources.internal;

import java.util.List;
import java.util.Optional;

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
        return gate.isTorrentTrafficAllowed() && next().isPresent();
    }

    @Override
    public Result run(@Nullable String cursor) {
        if (!gate.isTorrentTrafficAllowed()) {
            return new Result(false, null, "paused: the VPN is down");
        }
        Optional<SearchedTitle> next = next();
        if (next.isEmpty()) {
            return Result.idle();
        }
        int added = search.search(next.get());
        return Result.worked(next.get().label() + ": " + added + " new source(s)");
    }

    /** Movies first (most popular first), then the next episodes of seasons being watched. */
    private Optional<SearchedTitle> next() {
        List<MovieSummary> movies = catalog.moviesNeverSearchedForSources(1);
        if (!movies.isEmpty()) {
            return Optional.of(SearchedTitle.of(movies.getFirst()));
        }
        return catalog.nextEpisodesNeverSearchedForSources(1).stream().findFirst().map(SearchedTitle::of);
    }
}
