package app.marquee.sources.internal;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.MovieSummary;
import app.marquee.network.NetworkGate;
import app.marquee.sources.SourcesProperties;
import app.marquee.sync.SyncTask;

/**
 * {@code source-resync} (seed flow 4, every 5 s): searches again the sources of the movie searched longest
 * ago, once that is more than {@code marquee.sources.resync-after} ago, so new releases and better qualities
 * appear.
 */
@Component
class SourceResyncTask implements SyncTask {

    private final CatalogApi catalog;
    private final SourceSearch search;
    private final NetworkGate gate;
    private final SourcesProperties properties;
    private final Clock clock;

    SourceResyncTask(CatalogApi catalog, SourceSearch search, NetworkGate gate, SourcesProperties properties,
            Clock clock) {
        this.catalog = catalog;
        this.search = search;
        this.gate = gate;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "source-resync";
    }

    @Override
    public boolean hasWork() {
        return gate.isTorrentTrafficAllowed() && !due().isEmpty();
    }

    @Override
    public Result run(@Nullable String cursor) {
        if (!gate.isTorrentTrafficAllowed()) {
            return new Result(false, null, "paused: the VPN is down");
        }
        List<MovieSummary> next = due();
        if (next.isEmpty()) {
            return Result.idle();
        }
        MovieSummary movie = next.getFirst();
        int added = search.search(movie);
        return Result.worked("movie " + movie.tmdbId() + ": " + added + " new source(s)");
    }

    private List<MovieSummary> due() {
        return catalog.moviesWithSourcesSearchedBefore(clock.instant().minus(properties.resyncAfter()), 1);
    }
}
