package app.marquee.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One item of a list with the columns a list page shows of its movie or show, read as a projection: a
 * list page is the busiest read after a movie, and building 60 managed entities (every column, dirty
 * checking snapshots) cost several times more than these rows. Exactly one of the two sides is set.
 */
record ListItemRow(int position,
        @Nullable Long movieId, @Nullable Integer movieTmdbId, @Nullable String imdbId, @Nullable String title,
        @Nullable String movieOverview, @Nullable String moviePoster, @Nullable String movieBackdrop,
        @Nullable Double moviePopularity, @Nullable Double movieRating, @Nullable LocalDate releaseDate,
        @Nullable Integer runtime, @Nullable Instant movieCreatedAt, @Nullable Instant movieUpdatedAt,
        @Nullable Long showId, @Nullable Integer showTmdbId, @Nullable String name, @Nullable String showOverview,
        @Nullable String showPoster, @Nullable String showBackdrop, @Nullable Double showPopularity,
        @Nullable Double showRating, @Nullable LocalDate firstAirDate, @Nullable Instant showCreatedAt,
        @Nullable Instant showUpdatedAt) {

    static final String SELECT = "select new app.marquee.catalog.internal.ListItemRow(i.position,"
            + " m.id, m.tmdbId, m.imdbId, m.title, m.overview, m.posterPath, m.backdropPath, m.popularity,"
            + " m.voteAverage, m.releaseDate, m.runtime, m.createdAt, m.updatedAt,"
            + " s.id, s.tmdbId, s.name, s.overview, s.posterPath, s.backdropPath, s.popularity, s.voteAverage,"
            + " s.firstAirDate, s.createdAt, s.updatedAt)"
            + " from MediaListItem i left join i.movie m left join i.show s";
}
