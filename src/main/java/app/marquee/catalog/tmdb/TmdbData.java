package app.marquee.catalog.tmdb;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link TmdbClient} reads from TMDB, already checked and typed. These are the client's results,
 * not TMDB's wire format (that is parsed inside this package and never leaves it). Image fields are TMDB
 * paths ({@code /abc.jpg}); the catalog turns them into URLs.
 */
public final class TmdbData {

    private TmdbData() {
    }

    /** Movies or TV shows: TMDB keeps separate ids, genres and lists for each. */
    public enum Kind {
        MOVIE("movie"), TV("tv");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        /** The path segment TMDB uses: {@code movie} or {@code tv}. */
        public String path() {
            return path;
        }
    }

    /** A translation of a title; {@code language} is {@code xx-YY} (ISO 639-1, ISO 3166-1). */
    public record Translation(String language, @Nullable String title, @Nullable String overview,
            @Nullable String tagline) {
    }

    public record Genre(int id, String name) {
    }

    public record Movie(int id, @Nullable String imdbId, String title, @Nullable String originalTitle,
            @Nullable String originalLanguage, @Nullable String overview, @Nullable String tagline,
            @Nullable LocalDate releaseDate, @Nullable Integer runtime, @Nullable String status, boolean adult,
            @Nullable String posterPath, @Nullable String backdropPath, @Nullable String logoPath,
            @Nullable Double popularity, @Nullable Double voteAverage, @Nullable Integer voteCount,
            List<Genre> genres, List<Translation> translations) {
    }

    public record Show(int id, @Nullable String imdbId, @Nullable Integer tvdbId, String name,
            @Nullable String originalName, @Nullable String originalLanguage, @Nullable String overview,
            @Nullable String tagline, @Nullable LocalDate firstAirDate, @Nullable LocalDate lastAirDate,
            @Nullable String status, boolean inProduction, @Nullable Integer numberOfSeasons,
            @Nullable Integer numberOfEpisodes, @Nullable String posterPath, @Nullable String backdropPath,
            @Nullable Double popularity, @Nullable Double voteAverage, @Nullable Integer voteCount,
            List<Genre> genres, List<Translation> translations, List<SeasonSummary> seasons) {
    }

    /** A season as a show's details list it, without episodes. */
    public record SeasonSummary(@Nullable Integer id, int seasonNumber, @Nullable String name,
            @Nullable String overview, @Nullable LocalDate airDate, @Nullable String posterPath,
            @Nullable Integer episodeCount) {
    }

    public record Season(@Nullable Integer id, int seasonNumber, @Nullable String name, @Nullable String overview,
            @Nullable LocalDate airDate, @Nullable String posterPath, List<Episode> episodes) {
    }

    public record Episode(@Nullable Integer id, int episodeNumber, @Nullable String name, @Nullable String overview,
            @Nullable LocalDate airDate, @Nullable String stillPath, @Nullable Integer runtime,
            @Nullable Double voteAverage) {
    }

    /** One title of a list page (discover, popular, top rated, trending): a summary, not the details. */
    public record ListEntry(Kind kind, int id, String title, @Nullable String originalTitle,
            @Nullable String originalLanguage, @Nullable String overview, @Nullable LocalDate date,
            boolean adult, @Nullable String posterPath, @Nullable String backdropPath, @Nullable Double popularity,
            @Nullable Double voteAverage, @Nullable Integer voteCount, List<Integer> genreIds) {
    }

    public record Page<T>(int page, int totalPages, List<T> results) {
    }

    /** Where TMDB's images are served from, and the sizes it offers per image kind. */
    public record ImageConfiguration(String secureBaseUrl, List<String> posterSizes, List<String> backdropSizes,
            List<String> logoSizes, List<String> stillSizes) {
    }
}
