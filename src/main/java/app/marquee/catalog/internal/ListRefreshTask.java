package app.marquee.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.marquee.catalog.tmdb.TmdbClient;
import app.marquee.catalog.tmdb.TmdbData;
import app.marquee.catalog.tmdb.TmdbException;
import app.marquee.sync.SyncTask;

/**
 * {@code list-refresh} (seed flow 4, hourly): reads TMDB's image configuration and English genre names,
 * then refills every TMDB list from its first {@link #PAGES} pages. Each title of a list is stored through
 * the read path (details from the response cache or TMDB), so serving a list never calls TMDB. A list
 * TMDB does not know is left as it is; TMDB being down fails the run, which backs the task off.
 */
@Component
class ListRefreshTask implements SyncTask {

    private static final Logger log = LoggerFactory.getLogger(ListRefreshTask.class);
    static final int PAGES = 3;

    private final TmdbClient tmdb;
    private final TitleReader titles;
    private final TitleWriter titleWriter;
    private final ListWriter lists;
    private final GenreNames genreNames;
    private final ImageUrls images;

    ListRefreshTask(TmdbClient tmdb, TitleReader titles, TitleWriter titleWriter, ListWriter lists,
            GenreNames genreNames, ImageUrls images) {
        this.tmdb = tmdb;
        this.titles = titles;
        this.titleWriter = titleWriter;
        this.lists = lists;
        this.genreNames = genreNames;
        this.images = images;
    }

    @Override
    public String name() {
        return "list-refresh";
    }

    @Override
    public Result run(@Nullable String cursor) {
        lists.createMissing(BuiltInLists.ALL); // the first run may come before start-up created them
        images.configure(tmdb.configuration(TmdbClient.Read.CACHED));
        for (TmdbData.Kind kind : TmdbData.Kind.values()) {
            titleWriter.saveGenreNames(tmdb.genres(kind, "en", TmdbClient.Read.CACHED), "en");
        }
        genreNames.reload();
        int refreshed = 0;
        int titleCount = 0;
        for (MediaList list : lists.tmdbLists()) {
            if (list.tmdbSource() == null) {
                continue;
            }
            try {
                List<ListWriter.Entry> entries = entries(list.tmdbSource());
                lists.replaceItems(list.id(), entries);
                refreshed++;
                titleCount += entries.size();
            } catch (TmdbException.NotFound e) {
                log.info("List {}: TMDB has no {}; left as it was", list.slug(), list.tmdbSource());
            }
        }
        return Result.worked(refreshed + " lists refreshed, " + titleCount + " titles");
    }

    private List<ListWriter.Entry> entries(String source) {
        TmdbData.Kind kind = BuiltInLists.kindOf(source);
        List<ListWriter.Entry> entries = new ArrayList<>();
        for (int page = 1; page <= PAGES; page++) {
            TmdbData.Page<TmdbData.ListEntry> results = tmdb.listPage(source, kind, page);
            for (TmdbData.ListEntry entry : results.results()) {
                if (store(entry)) {
                    entries.add(new ListWriter.Entry(entry.kind(), entry.id()));
                }
            }
            if (page >= results.totalPages()) {
                break;
            }
        }
        return entries;
    }

    /** Stores the title's details unless stored already; false when TMDB has no details for it. */
    private boolean store(TmdbData.ListEntry entry) {
        try {
            if (entry.kind() == TmdbData.Kind.MOVIE) {
                titles.storeMovie(entry.id());
            } else {
                titles.storeShow(entry.id());
            }
            return true;
        } catch (TmdbException.NotFound e) {
            return false;
        }
    }
}
