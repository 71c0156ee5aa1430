package app.marquee.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.marquee.catalog.tmdb.TmdbData.Kind;

/** Writes lists: creates the built-in ones and replaces a list's items after a refresh. */
@Component
@Transactional
class ListWriter {

    /** A title of a list, by TMDB id. */
    record Entry(Kind kind, int tmdbId) {
    }

    private final MediaListRepository lists;
    private final MovieRepository movies;
    private final TvShowRepository shows;
    private final MediaListItemRepository items;
    private final Clock clock;

    ListWriter(MediaListRepository lists, MediaListItemRepository items, MovieRepository movies,
            TvShowRepository shows, Clock clock) {
        this.lists = lists;
        this.items = items;
        this.movies = movies;
        this.shows = shows;
        this.clock = clock;
    }

    int createMissing(List<BuiltInLists.Definition> definitions) {
        int created = 0;
        for (BuiltInLists.Definition definition : definitions) {
            if (lists.findBySlug(definition.slug()).isEmpty()) {
                lists.save(new MediaList(definition.slug(), definition.name(), definition.description(),
                        MediaList.TMDB, definition.source(), clock.instant()));
                created++;
            }
        }
        return created;
    }

    /** Creates or replaces a curated list; false when the slug is taken by a list of another kind. */
    boolean saveCurated(String slug, String name, @Nullable String description, List<Entry> entries) {
        MediaList list = lists.findBySlug(slug)
                .orElseGet(() -> lists.save(new MediaList(slug, name, description, MediaList.CURATED, null,
                        clock.instant())));
        if (!MediaList.CURATED.equals(list.kind())) {
            return false;
        }
        list.describe(name, description, clock.instant());
        replaceItems(list.id(), entries);
        return true;
    }

    /**
     * Creates or replaces a list owned by one user; false when the slug belongs to a list of another kind or
     * another owner.
     */
    boolean saveOwned(String ownerUserId, String slug, String name, String kind, List<Entry> entries) {
        MediaList list = lists.findBySlug(slug)
                .orElseGet(() -> lists.save(MediaList.ownedBy(ownerUserId, slug, name, null, kind, clock.instant())));
        if (!kind.equals(list.kind()) || !ownerUserId.equals(list.ownerUserId())) {
            return false;
        }
        list.describe(name, null, clock.instant());
        replaceItems(list.id(), entries);
        return true;
    }

    boolean deleteCurated(String slug) {
        return lists.findBySlug(slug)
                .filter(list -> MediaList.CURATED.equals(list.kind()))
                .map(list -> {
                    lists.delete(list);
                    return true;
                })
                .orElse(false);
    }

    /** The list's items become {@code entries}, in order; titles that are not stored are left out. */
    void replaceItems(long listId, List<Entry> entries) {
        MediaList list = lists.findById(listId).orElseThrow();
        lists.deleteItems(list);
        Instant now = clock.instant();
        int position = 0;
        for (Entry entry : new LinkedHashSet<>(entries)) {
            Movie movie = entry.kind() == Kind.MOVIE ? movies.findByTmdbId(entry.tmdbId()).orElse(null) : null;
            TvShow show = entry.kind() == Kind.TV ? shows.findWithSeasons(entry.tmdbId()).orElse(null) : null;
            if (movie != null || show != null) {
                items.save(new MediaListItem(list, position++, movie, show, now));
            }
        }
        list.refreshed(now);
    }

    List<MediaList> tmdbLists() {
        return lists.findByKindOrderByIdAsc(MediaList.TMDB);
    }
}
