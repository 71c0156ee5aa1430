package app.marquee.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import app.marquee.catalog.MovieResponse;
import app.marquee.catalog.MovieSourceDto;
import app.marquee.catalog.SourceLookup;
import app.marquee.catalog.SourceMedia;
import app.marquee.catalog.SourceMediaLookup;
import app.marquee.catalog.MovieSummary;
import app.marquee.catalog.SeasonResponse;
import app.marquee.catalog.EpisodeResponse;
import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.ShowResponse;
import app.marquee.catalog.TitleRef;
import app.marquee.catalog.tmdb.TmdbClient;
import app.marquee.catalog.tmdb.TmdbException;
import app.marquee.platform.ApiException;

/**
 * The read path of seed flows 1, 7 and 8: the database first; a title that is not stored is read from the
 * TMDB response cache, else from TMDB, and stored, so the next read makes no outside call. Concurrent
 * requests for one missing title share one fetch ({@link SingleFlight}).
 *
 * <p>TMDB's failures become API errors only for titles that are not stored: 404 when TMDB does not know
 * the id, 504 when it timed out, 503 when it is down, rate limiting, or its circuit is open.
 */
@Service
public class TitleReader {

    private final TitleQueries queries;
    private final TitleWriter writer;
    private final GenreNames genreNames;
    private final TmdbClient tmdb;
    private final ObjectProvider<SourceLookup> sourceLookup;
    private final ObjectProvider<SourceMediaLookup> mediaLookup;
    private final SingleFlight<String, Boolean> fetches = new SingleFlight<>();

    TitleReader(TitleQueries queries, TitleWriter writer, GenreNames genreNames, TmdbClient tmdb,
            ObjectProvider<SourceLookup> sourceLookup, ObjectProvider<SourceMediaLookup> mediaLookup) {
        this.queries = queries;
        this.writer = writer;
        this.genreNames = genreNames;
        this.tmdb = tmdb;
        this.sourceLookup = sourceLookup;
        this.mediaLookup = mediaLookup;
    }

    public MovieResponse movie(int tmdbId, String lang, boolean includeSources) {
        genreNames.ensureLanguage(lang);
        MovieResponse movie = queries.movie(tmdbId, lang)
                .or(() -> {
                    fetchMovie(tmdbId, "Movie not found");
                    return queries.movie(tmdbId, lang);
                })
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Movie not found"));
        if (!includeSources) {
            return movie;
        }
        SourceLookup lookup = sourceLookup.getIfAvailable();
        return movie.withSources(withMedia(lookup == null ? List.of() : queries.movieSummary(tmdbId)
                .map(lookup::sourcesFor).orElse(List.of())));
    }

    /** Adds what each source's video holds, for the sources already probed. */
    private List<MovieSourceDto> withMedia(List<MovieSourceDto> sources) {
        SourceMediaLookup lookup = mediaLookup.getIfAvailable();
        if (lookup == null || sources.isEmpty()) {
            return sources;
        }
        Map<Long, SourceMedia> media = lookup.mediaOf(sources.stream().map(MovieSourceDto::id).toList());
        return sources.stream().map(source -> source.withMedia(media.get(source.id()))).toList();
    }

    /** Makes genre names in {@code lang} available (read once from TMDB); English when TMDB cannot give them. */
    public void prepareLanguage(String lang) {
        genreNames.ensureLanguage(lang);
    }

    public ShowResponse show(int tmdbId, String lang) {
        genreNames.ensureLanguage(lang);
        ensureShow(tmdbId);
        return queries.show(tmdbId, lang).orElseThrow(TitleReader::showNotFound);
    }

    /**
     * One episode, read like its season (database first, else TMDB, stored); with {@code includeSources} its
     * torrent sources, searched on demand like a movie's.
     */
    public EpisodeResponse episode(int tmdbId, int seasonNumber, int episodeNumber, boolean includeSources) {
        EpisodeResponse episode = season(tmdbId, seasonNumber).episodes().stream()
                .filter(e -> e.episodeNumber() == episodeNumber)
                .findFirst()
                .orElseThrow(TitleReader::episodeNotFound);
        if (!includeSources) {
            return episode;
        }
        SourceLookup lookup = sourceLookup.getIfAvailable();
        return episode.withSources(withMedia(lookup == null ? List.of() : queries.episodeSummary(episode.id())
                .map(lookup::sourcesFor).orElse(List.of())));
    }

    /** The episode to find sources for, read like {@link #episode}. */
    public Optional<EpisodeSummary> episodeSummary(int tmdbId, int seasonNumber, int episodeNumber) {
        EpisodeResponse episode = episode(tmdbId, seasonNumber, episodeNumber, false);
        return queries.episodeSummary(episode.id());
    }

    private static ApiException episodeNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "Episode not found");
    }

    public List<SeasonResponse> seasons(int tmdbId) {
        ensureShow(tmdbId);
        return queries.seasons(tmdbId).orElseThrow(TitleReader::showNotFound);
    }

    public SeasonResponse season(int tmdbId, int number) {
        ensureShow(tmdbId);
        TitleQueries.StoredSeason stored = queries.season(tmdbId, number)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Season not found"));
        if (stored.episodesKnown()) {
            return stored.season();
        }
        fetchSeason(tmdbId, number);
        return queries.season(tmdbId, number).orElseThrow().season();
    }

    public Optional<MovieSummary> storedMovie(int tmdbId) {
        return queries.movieSummary(tmdbId);
    }

    /** A movie read database first, then cache or TMDB; empty when TMDB does not know it. */
    public Optional<MovieSummary> movie(int tmdbId) {
        Optional<MovieSummary> stored = queries.movieSummary(tmdbId);
        if (stored.isPresent()) {
            return stored;
        }
        try {
            fetchMovie(tmdbId, "Movie not found");
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        return queries.movieSummary(tmdbId);
    }

    /**
     * Stores a movie read from the TMDB cache or TMDB unless it is stored already, once per title however
     * many ask at once.
     *
     * @throws TmdbException when TMDB does not know it or cannot be asked
     */
    void storeMovie(int tmdbId) {
        fetches.run("movie:" + tmdbId, () -> {
            if (!queries.movieStored(tmdbId)) {
                var details = tmdb.movie(tmdbId, TmdbClient.Read.CACHED);
                storing(() -> writer.saveMovie(details));
                genreNames.reload();
            }
            return true;
        });
    }

    /** As {@link #storeMovie} for a show and its list of seasons. */
    void storeShow(int tmdbId) {
        fetches.run("show:" + tmdbId, () -> {
            if (!queries.showStored(tmdbId)) {
                var details = tmdb.show(tmdbId, TmdbClient.Read.CACHED);
                storing(() -> writer.saveShow(details));
                genreNames.reload();
            }
            return true;
        });
    }

    private void fetchMovie(int tmdbId, String notFound) {
        fromTmdb(() -> storeMovie(tmdbId), notFound);
    }

    /** Stores the title if needed, as the API does: ApiException 404 when TMDB does not know it, 503/504. */
    void ensureStored(TitleRef title) {
        if (title.kind() == TitleRef.Kind.MOVIE) {
            fetchMovie(title.tmdbId(), "Movie not found");
        } else {
            ensureShow(title.tmdbId());
        }
    }

    private void ensureShow(int tmdbId) {
        if (!queries.showStored(tmdbId)) {
            fromTmdb(() -> storeShow(tmdbId), "Show not found");
        }
    }

    private void fetchSeason(int tmdbId, int number) {
        fetches.run("season:" + tmdbId + ":" + number, () -> {
            boolean known = queries.season(tmdbId, number).map(TitleQueries.StoredSeason::episodesKnown).orElse(false);
            if (!known) {
                try {
                    var details = tmdb.season(tmdbId, number, TmdbClient.Read.CACHED);
                    storing(() -> writer.saveSeason(tmdbId, details));
                } catch (TmdbException.NotFound e) {
                    storing(() -> writer.markSeasonMissing(tmdbId, number));
                } catch (TmdbException e) {
                    throw unavailable(e);
                }
            }
            return true;
        });
    }

    private static ApiException showNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "Show not found");
    }

    private static void fromTmdb(Runnable call, String notFound) {
        try {
            call.run();
        } catch (TmdbException.NotFound e) {
            throw new ApiException(HttpStatus.NOT_FOUND, notFound);
        } catch (TmdbException e) {
            throw unavailable(e);
        }
    }

    static ApiException unavailable(TmdbException e) {
        if (e instanceof TmdbException.Unavailable u && u.timedOut()) {
            return new ApiException(HttpStatus.GATEWAY_TIMEOUT, "TMDB timeout",
                    "TMDB did not answer in time; try again shortly");
        }
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TMDB unavailable",
                "The title is not stored yet and TMDB cannot be reached now; try again shortly");
    }

    /** On PostgreSQL two nodes may store the same new genre at once: the loser's second try finds it stored. */
    private static void storing(Runnable write) {
        try {
            write.run();
        } catch (DataIntegrityViolationException e) {
            write.run();
        }
    }
}
