package app.marquee.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.ListResponse;
import app.marquee.catalog.ListSummary;
import app.marquee.catalog.MovieResponse;
import app.marquee.catalog.SearchResponse;
import app.marquee.catalog.SeasonResponse;
import app.marquee.catalog.ShowResponse;
import app.marquee.catalog.MovieSummary;
import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.TitleRef;
import app.marquee.catalog.tmdb.TmdbData;
import app.marquee.platform.ApiException;

/** The catalog's facade for other modules ({@link CatalogApi}). */
@Service
class Catalog implements CatalogApi {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final TitleReader titles;
    private final ListWriter lists;
    private final TitleQueries queries;
    private final TitleWriter writer;
    private final Clock clock;
    private final ListQueries listQueries;
    private final TitleSearch search;

    Catalog(TitleReader titles, ListWriter lists, TitleQueries queries, TitleWriter writer, Clock clock,
            ListQueries listQueries, TitleSearch search) {
        this.clock = clock;
        this.search = search;
        this.titles = titles;
        this.lists = lists;
        this.queries = queries;
        this.writer = writer;
        this.listQueries = listQueries;
    }

    @Override
    public List<ListSummary> lists(String userId) {
        return listQueries.lists(userId);
    }

    @Override
    public Optional<ListResponse> list(String slug, String lang, String userId) {
        titles.prepareLanguage(lang);
        return listQueries.list(slug, lang, userId);
    }

    @Override
    public MovieResponse movieDetails(int tmdbId, String lang, boolean includeSources) {
        return titles.movie(tmdbId, lang, includeSources);
    }

    @Override
    public ShowResponse show(int tmdbId, String lang) {
        return titles.show(tmdbId, lang);
    }

    @Override
    public SearchResponse search(String query, String lang) {
        return search.search(query, lang);
    }

    @Override
    public SeasonResponse season(int tmdbId, int seasonNumber) {
        return titles.season(tmdbId, seasonNumber);
    }

    @Override
    public List<MovieSummary> moviesNeverSearchedForSources(int limit) {
        return queries.moviesNeverSearchedForSources(limit);
    }

    @Override
    public List<MovieSummary> moviesWithSourcesSearchedBefore(Instant before, int limit) {
        return queries.moviesWithSourcesSearchedBefore(before, limit);
    }

    @Override
    public boolean markSourcesSearched(long movieId, Instant at) {
        return writer.markSourcesSearched(movieId, at);
    }

    @Override
    public EpisodeSummary episode(int showTmdbId, int seasonNumber, int episodeNumber) {
        return titles.episodeSummary(showTmdbId, seasonNumber, episodeNumber)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Episode not found"));
    }

    @Override
    public Optional<EpisodeSummary> storedEpisode(long episodeId) {
        return queries.episodeSummary(episodeId);
    }

    @Override
    public List<EpisodeSummary> nextEpisodesNeverSearchedForSources(int limit) {
        return queries.nextEpisodesNeverSearchedForSources(LocalDate.now(clock), limit);
    }

    @Override
    public List<EpisodeSummary> episodesWithSourcesSearchedBefore(Instant before, int limit) {
        return queries.episodesWithSourcesSearchedBefore(before, limit);
    }

    @Override
    public boolean markEpisodeSourcesSearched(long episodeId, Instant at) {
        return writer.markEpisodeSourcesSearched(episodeId, at);
    }

    @Override
    public Optional<MovieSummary> storedMovie(int tmdbId) {
        return titles.storedMovie(tmdbId);
    }

    @Override
    public Optional<MovieSummary> movie(int tmdbId) {
        return titles.movie(tmdbId);
    }

    @Override
    public ListSummary saveCuratedList(String slug, String name, @Nullable String description,
            List<TitleRef> items) {
        if (!SLUG.matcher(slug).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid slug",
                    "lower-case letters, digits and dashes, at most 100");
        }
        if (name.isBlank() || name.length() > 200 || (description != null && description.length() > 1000)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid list",
                    "a name of 1-200 characters and a description of at most 1000");
        }
        List<ListWriter.Entry> entries = stored(items);
        if (!lists.saveCurated(slug, name, description, entries)) {
            throw new ApiException(HttpStatus.CONFLICT, "List exists", "'" + slug + "' is filled from TMDB");
        }
        return new ListSummary(name, slug, description, "/list/" + slug);
    }

    @Override
    public ListSummary saveUserList(String ownerUserId, String slug, String name, List<TitleRef> items) {
        if (!SLUG.matcher(slug).matches() || name.isBlank() || name.length() > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid list");
        }
        if (!lists.saveOwned(ownerUserId, slug, name, "trakt-watchlist", stored(items))) {
            throw new ApiException(HttpStatus.CONFLICT, "List exists", "'" + slug + "' is another list");
        }
        return new ListSummary(name, slug, null, "/list/" + slug);
    }

    /** The titles as list entries, each read into the database first; titles TMDB does not know are left out. */
    private List<ListWriter.Entry> stored(List<TitleRef> items) {
        List<ListWriter.Entry> entries = new ArrayList<>();
        for (TitleRef item : items) {
            try {
                titles.ensureStored(item);
                entries.add(new ListWriter.Entry(
                        item.kind() == TitleRef.Kind.MOVIE ? TmdbData.Kind.MOVIE : TmdbData.Kind.TV, item.tmdbId()));
            } catch (ApiException e) {
                if (e.status() != HttpStatus.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return entries;
    }

    @Override
    public boolean deleteCuratedList(String slug) {
        return lists.deleteCurated(slug);
    }
}
