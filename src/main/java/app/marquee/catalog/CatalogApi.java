package app.marquee.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The catalog as other modules use it. Implemented in {@code catalog.internal}; other modules never see
 * catalog entities or repositories.
 */
public interface CatalogApi {

    /** A movie as stored, without any outside call. */
    Optional<MovieSummary> storedMovie(int tmdbId);

    /**
     * A movie by TMDB id, read database first, then from the TMDB cache or TMDB (and stored).
     *
     * @return empty when TMDB does not know the id
     * @throws app.marquee.platform.ApiException 503/504 when the movie is not stored and TMDB cannot be asked
     */
    Optional<MovieSummary> movie(int tmdbId);

    /**
     * Creates or replaces an admin-curated list, served by {@code GET /api/list/:slug} like the TMDB lists.
     * Titles that are not stored are read through the read path first; titles TMDB does not know are left
     * out. (The admin endpoint that calls this comes with accounts, which can protect it.)
     *
     * @param slug lower-case letters, digits and dashes, at most 100
     * @throws app.marquee.platform.ApiException 400 for a bad slug or name, 409 when the slug is a TMDB
     *     list's, 503/504 when TMDB is needed and cannot be asked
     */
    ListSummary saveCuratedList(String slug, String name, @Nullable String description, List<TitleRef> titles);

    /**
     * Creates or replaces a list of one user's own (kind {@code trakt-watchlist}), seen only by them in
     * {@code GET /api/lists} and {@code GET /api/list/:slug}. Titles go through the read path as for curated lists.
     *
     * @throws app.marquee.platform.ApiException 409 when the slug is taken by another list
     */
    ListSummary saveUserList(String ownerUserId, String slug, String name, List<TitleRef> titles);

    /**
     * Stored movies whose sources were never searched (most popular first), for the source search task.
     * One indexed read, no outside call.
     */
    List<MovieSummary> moviesNeverSearchedForSources(int limit);

    /** Stored movies whose sources were last searched before {@code before}, stalest first. */
    List<MovieSummary> moviesWithSourcesSearchedBefore(Instant before, int limit);

    /** Records that the movie's sources were searched at that time; false when the movie is not stored. */
    boolean markSourcesSearched(long movieId, Instant at);

    /**
     * An episode by its show's TMDB id and its numbers, read like {@code GET /api/shows/:id/seasons/:n} (database
     * first, else TMDB, stored).
     *
     * @throws app.marquee.platform.ApiException 404 when the show, season or episode does not exist; 503/504 when
     *         TMDB cannot be read and it is not stored
     */
    EpisodeSummary episode(int showTmdbId, int seasonNumber, int episodeNumber);

    /** A stored episode by its database id. */
    Optional<EpisodeSummary> storedEpisode(long episodeId);

    /** Aired episodes never searched for sources of seasons being watched (the next ones up), at most {@code limit}. */
    List<EpisodeSummary> nextEpisodesNeverSearchedForSources(int limit);

    /** Episodes whose sources were last searched before {@code before}, oldest first. */
    List<EpisodeSummary> episodesWithSourcesSearchedBefore(Instant before, int limit);

    /** Records that the episode's sources were searched at {@code at}; false when it no longer exists. */
    boolean markEpisodeSourcesSearched(long episodeId, Instant at);

    /** The lists a user sees ({@code GET /api/lists}): the TMDB lists, curated lists and their own. */
    List<ListSummary> lists(String userId);

    /** One list with its titles in {@code lang} ({@code GET /api/list/:slug}); empty for an unknown slug. */
    Optional<ListResponse> list(String slug, String lang, String userId);

    /**
     * A movie as {@code GET /api/movies/:id} answers it, through the read path.
     *
     * @throws app.marquee.platform.ApiException 404 when TMDB does not know it, 503/504 when TMDB cannot be asked
     */
    MovieResponse movieDetails(int tmdbId, String lang, boolean includeSources);

    /** A show with its seasons ({@code GET /api/shows/:id}); throws as {@link #movieDetails}. */
    ShowResponse show(int tmdbId, String lang);

    /** A season with its episodes ({@code GET /api/shows/:id/seasons/:n}); throws as {@link #movieDetails}. */
    SeasonResponse season(int tmdbId, int seasonNumber);

    /** Titles matching {@code query} ({@code GET /api/search}): stored ones first, then TMDB's search (stored too). */
    SearchResponse search(String query, String lang);

    /** Deletes a curated list; false when there is no curated list of that slug. */
    boolean deleteCuratedList(String slug);
}
