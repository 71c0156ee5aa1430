package app.marquee.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;



import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.marquee.catalog.EpisodeResponse;
import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieResponse;
import app.marquee.catalog.MovieSummary;
import app.marquee.catalog.SeasonResponse;
import app.marquee.catalog.ShowResponse;

/**
 * Stored titles as the API serves them, in a requested language: database only, never TMDB. Read-only
 * transactions, so on SQLite they run on the reader pool beside the writer. A movie costs three small
 * queries at most (movie, its genre ids, its translation when not English); genre names come from memory.
 */
@Component
@Transactional(readOnly = true)
class TitleQueries {

    private final MovieRepository movies;
    private final TvShowRepository shows;
    private final SeasonRepository seasons;
    private final EpisodeRepository episodes;
    private final TranslationRepository translations;
    private final GenreNames genreNames;
    private final ImageUrls images;

    TitleQueries(MovieRepository movies, TvShowRepository shows, SeasonRepository seasons,
            EpisodeRepository episodes, TranslationRepository translations, GenreNames genreNames, ImageUrls images) {
        this.movies = movies;
        this.shows = shows;
        this.seasons = seasons;
        this.episodes = episodes;
        this.translations = translations;
        this.genreNames = genreNames;
        this.images = images;
    }

    Optional<MovieResponse> movie(int tmdbId, String lang) {
        return movies.findWithGenres(tmdbId).map(movie -> {
            Translation t = movieTranslations(List.of(movie.id()), lang).get(movie.id());
            return new MovieResponse("movie", movie.id(), movie.tmdbId(), movie.imdbId(),
                    Translations.or(t == null ? null : t.title(), movie.title()),
                    Translations.or(t == null ? null : t.overview(), movie.overview()),
                    Translations.or(t == null ? null : t.tagline(), movie.tagline()),
                    movie.releaseDate(), movie.runtime(), images.poster(movie.posterPath()),
                    images.backdrop(movie.backdropPath()), images.logo(movie.logoPath()),
                    genreNames(movie.genres(), lang), movie.popularity(), movie.voteAverage(), null);
        });
    }

    Optional<MovieSummary> movieSummary(int tmdbId) {
        return movies.findByTmdbId(tmdbId)
                .map(TitleQueries::summary);
    }

    List<MovieSummary> moviesNeverSearchedForSources(int limit) {
        return movies.findNeverSearchedForSources(PageRequest.of(0, limit)).stream().map(TitleQueries::summary).toList();
    }

    List<MovieSummary> moviesWithSourcesSearchedBefore(Instant before, int limit) {
        return movies.findSourcesSearchedBefore(before, PageRequest.of(0, limit)).stream()
                .map(TitleQueries::summary).toList();
    }

    static MovieSummary summary(Movie m) {
        return new MovieSummary(m.id(), m.tmdbId(), m.imdbId(), m.title(), m.releaseDate(), m.sourcesSearchedAt());
    }

    Optional<EpisodeSummary> episodeSummary(int showTmdbId, int season, int episode) {
        return episodes.findByNumbers(showTmdbId, season, episode).map(TitleQueries::summary);
    }

    Optional<EpisodeSummary> episodeSummary(long episodeId) {
        return episodes.findWithShow(episodeId).map(TitleQueries::summary);
    }

    List<EpisodeSummary> nextEpisodesNeverSearchedForSources(LocalDate today, int limit) {
        return episodes.findNextNeverSearched(today, PageRequest.of(0, limit)).stream()
                .map(TitleQueries::summary).toList();
    }

    List<EpisodeSummary> episodesWithSourcesSearchedBefore(Instant before, int limit) {
        return episodes.findSourcesSearchedBefore(before, PageRequest.of(0, limit)).stream()
                .map(TitleQueries::summary).toList();
    }

    static EpisodeSummary summary(Episode e) {
        Season season = e.season();
        TvShow show = season.show();
        return new EpisodeSummary(e.id(), show.id(), show.tmdbId(), show.imdbId(), show.tvdbId(), show.name(),
                show.firstAirDate(), season.seasonNumber(), e.episodeNumber(), e.airDate(), e.sourcesSearchedAt());
    }

    boolean movieStored(int tmdbId) {
        return movies.findByTmdbId(tmdbId).isPresent();
    }

    boolean showStored(int tmdbId) {
        return shows.findWithSeasons(tmdbId).isPresent();
    }

    Optional<ShowResponse> show(int tmdbId, String lang) {
        return shows.findWithSeasons(tmdbId).map(show -> {
            Translation t = showTranslations(List.of(show.id()), lang).get(show.id());
            return new ShowResponse("show", show.id(), show.tmdbId(), show.imdbId(),
                    Translations.or(t == null ? null : t.title(), show.name()),
                    Translations.or(t == null ? null : t.overview(), show.overview()),
                    Translations.or(t == null ? null : t.tagline(), show.tagline()),
                    show.firstAirDate(), show.lastAirDate(), images.poster(show.posterPath()),
                    images.backdrop(show.backdropPath()), images.logo(show.logoPath()),
                    genreNames(show.genres(), lang), show.popularity(), show.voteAverage(),
                    show.seasons().stream().map(this::season).toList());
        });
    }

    Optional<List<SeasonResponse>> seasons(int showTmdbId) {
        return shows.findWithSeasons(showTmdbId).map(show -> show.seasons().stream().map(this::season).toList());
    }

    /** The season, and whether its episodes have been read from TMDB yet. */
    Optional<StoredSeason> season(int showTmdbId, int number) {
        return seasons.findWithEpisodes(showTmdbId, number)
                .map(s -> new StoredSeason(season(s), s.episodesSyncedAt() != null));
    }

    record StoredSeason(SeasonResponse season, boolean episodesKnown) {
    }

    SeasonResponse season(Season season) {
        return new SeasonResponse(season.id(), season.seasonNumber(), season.name(), season.overview(),
                season.airDate(), images.poster(season.posterPath()),
                season.episodes().stream().map(e -> new EpisodeResponse(e.id(), e.episodeNumber(), e.name(),
                        e.overview(), e.airDate(), images.still(e.stillPath()))).toList());
    }

    List<String> genreNames(Collection<Genre> genres, String lang) {
        return genreNames.names(genres.stream().map(Genre::tmdbId).toList(), lang);
    }

    /** The translation to serve per movie id; empty for English, whose texts are the movie's own. */
    Map<Long, Translation> movieTranslations(Collection<Long> movieIds, String lang) {
        return english(lang) || movieIds.isEmpty() ? Map.of()
                : pick(translations.findMovieTranslations(movieIds, GenreNames.base(lang)), lang);
    }

    Map<Long, Translation> showTranslations(Collection<Long> showIds, String lang) {
        return english(lang) || showIds.isEmpty() ? Map.of()
                : pick(translations.findShowTranslations(showIds, GenreNames.base(lang)), lang);
    }

    private static boolean english(String lang) {
        return GenreNames.base(lang).equals("en");
    }

    private static Map<Long, Translation> pick(List<Object[]> rows, String lang) {
        Map<Long, List<Translation>> byTitle = new HashMap<>();
        for (Object[] row : rows) {
            byTitle.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Translation) row[1]);
        }
        Map<Long, Translation> result = new HashMap<>();
        byTitle.forEach((id, candidates) -> Translations.pick(candidates, lang).ifPresent(t -> result.put(id, t)));
        return result;
    }

}
