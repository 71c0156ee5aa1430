package app.marquee.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.marquee.catalog.tmdb.TmdbData;

/**
 * Stores what TMDB said: titles with their genres and translations, seasons with episodes, genre names.
 * Every method is one write transaction (on SQLite: the single IMMEDIATE writer), and an upsert by TMDB
 * id, so storing the same answer twice changes nothing.
 */
@Component
@Transactional
class TitleWriter {

    private final MovieRepository movies;
    private final TvShowRepository shows;
    private final SeasonRepository seasons;
    private final EpisodeRepository episodes;
    private final GenreRepository genres;
    private final Clock clock;

    TitleWriter(MovieRepository movies, TvShowRepository shows, SeasonRepository seasons, EpisodeRepository episodes,
            GenreRepository genres, Clock clock) {
        this.movies = movies;
        this.shows = shows;
        this.seasons = seasons;
        this.episodes = episodes;
        this.genres = genres;
        this.clock = clock;
    }

    void saveMovie(TmdbData.Movie details) {
        Instant now = clock.instant();
        Movie movie = movies.findByTmdbId(details.id()).orElseGet(() -> new Movie(details.id(), now));
        movie.update(details, genres(details.genres(), "en"), now);
        movies.save(movie);
    }

    void saveShow(TmdbData.Show details) {
        Instant now = clock.instant();
        TvShow show = shows.findWithSeasons(details.id()).orElseGet(() -> new TvShow(details.id(), now));
        show.update(details, genres(details.genres(), "en"), now);
        shows.save(show);
    }

    /** Stores a season's episodes; false when the show or season is not stored (nothing to attach them to). */
    boolean saveSeason(int showTmdbId, TmdbData.Season details) {
        return seasons.findWithEpisodes(showTmdbId, details.seasonNumber())
                .map(season -> {
                    season.updateEpisodes(details, clock.instant());
                    return true;
                })
                .orElse(false);
    }

    boolean markSourcesSearched(long movieId, Instant at) {
        return movies.findById(movieId).map(movie -> {
            movie.sourcesSearched(at);
            return true;
        }).orElse(false);
    }

    boolean markEpisodeSourcesSearched(long episodeId, Instant at) {
        return episodes.findById(episodeId).map(episode -> {
            episode.sourcesSearched(at);
            return true;
        }).orElse(false);
    }

    /** Marks a season TMDB does not know as read, with no episodes, so the season sync does not retry it forever. */
    void markSeasonMissing(int showTmdbId, int seasonNumber) {
        seasons.findWithEpisodes(showTmdbId, seasonNumber).ifPresent(season -> season.updateEpisodes(
                new TmdbData.Season(null, seasonNumber, null, null, null, null, List.of()), clock.instant()));
    }

    /** Stores genre names in one language. */
    void saveGenreNames(Collection<TmdbData.Genre> named, String language) {
        genres(named, language);
    }

    /** The stored genres for TMDB's, created or renamed in {@code language} as needed. */
    private Set<Genre> genres(Collection<TmdbData.Genre> named, String language) {
        Map<Integer, String> names = new HashMap<>();
        named.forEach(g -> names.putIfAbsent(g.id(), g.name().length() > 100 ? g.name().substring(0, 100) : g.name()));
        Map<Integer, Genre> stored = new HashMap<>();
        genres.findByTmdbIdIn(names.keySet()).forEach(g -> stored.put(g.tmdbId(), g));
        Set<Genre> result = new HashSet<>();
        names.forEach((tmdbId, name) -> {
            Genre genre = stored.computeIfAbsent(tmdbId, Genre::new);
            genre.name(language, name);
            result.add(genres.save(genre));
        });
        return result;
    }
}
