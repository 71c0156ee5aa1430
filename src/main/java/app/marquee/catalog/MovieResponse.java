package app.marquee.catalog;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/movies/:id} (API.md): texts in the requested language where a translation exists,
 * image fields as full URLs. {@code sources} is absent unless asked for.
 */
public record MovieResponse(String type, long id, int tmdbId, @Nullable String imdbId, String title,
        @Nullable String overview, @Nullable String tagline, @Nullable LocalDate releaseDate, @Nullable Integer runtime,
        @Nullable String poster, @Nullable String backdrop, @Nullable String logo, List<String> genres,
        @Nullable Double popularity, @Nullable Double rating,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<MovieSourceDto> sources) {

    /** The same movie with its sources. */
    public MovieResponse withSources(List<MovieSourceDto> found) {
        return new MovieResponse(type, id, tmdbId, imdbId, title, overview, tagline, releaseDate, runtime, poster,
                backdrop, logo, genres, popularity, rating, List.copyOf(found));
    }
}
