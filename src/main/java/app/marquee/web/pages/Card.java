package app.marquee.web.pages;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.MediaDto;

/**
 * A poster in a row: where it leads, what it shows.
 *
 * @param progress the watched fraction for "Continue watching", else null
 */
record Card(String href, String title, @Nullable String poster, @Nullable String year, @Nullable Double progress) {

    static Card of(MediaDto media) {
        return switch (media) {
            case MediaDto.MovieDto movie -> new Card("/movie/" + movie.tmdbId(), movie.title(), movie.poster(),
                    movie.releaseDate() == null ? null : Integer.toString(movie.releaseDate().getYear()), null);
            case MediaDto.TvShowDto show -> new Card("/show/" + show.tmdbId(), show.name(), show.poster(),
                    show.firstAirDate() == null ? null : Integer.toString(show.firstAirDate().getYear()), null);
        };
    }
}
