package app.marquee.sources.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        return gate.isTorrentTrafficAllowed() && due().isPresent();
    }

    @Override
    public Result run(@Nullable String cursor) {
        if (!gate.isTorrentTrafficAllowed()) {
            return new Result(false, null, "paused: the VPN is down");
        }
        Optional<SearchedTitle> next = due();
        if (next.isEmpty()) {
            return Result.idle();
        }
        int added = search.search(next.get());
        return Result.worked(next.get().label() + ": " + added + " new source(s)");
    }

    /** The movie, else the episode, searched longest ago, when that was before the resync age. */
    private Optional<SearchedTitle> due() {
        Instant before = clock.instant().minus(properties.resyncAfter());
        List<MovieSummary> movies = catalog.moviesWithSourcesSearchedBefore(before, 1);
        if (!movies.isEmpty()) {
            return Optional.of(SearchedTitle.of(movies.getFirst()));
        }
        return catalog.episodesWithSourcesSearchedBefore(before, 1).stream().findFirst().map(SearchedTitle::of);
    }
}
