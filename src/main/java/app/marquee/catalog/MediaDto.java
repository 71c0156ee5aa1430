package app.marquee.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

/** A title in a list (API.md): a movie ({@code _type: "movie"}) or a show ({@code _type: "tvshow"}). */
public sealed interface MediaDto permits MediaDto.MovieDto, MediaDto.TvShowDto {

    record MovieDto(@JsonProperty("_type") String type, long id, int tmdbId, @Nullable String imdbId, String title,
            @Nullable String overview, @Nullable String poster, @Nullable String backdrop, List<String> genres,
            @Nullable Double popularity, @Nullable Double rating, @Nullable LocalDate releaseDate,
            @Nullable Integer runtime, Instant createdAt, Instant updatedAt) implements MediaDto {
    }

    record TvShowDto(@JsonProperty("_type") String type, long id, int tmdbId, String name, @Nullable String overview,
            @Nullable String poster, @Nullable String backdrop, List<String> genres, @Nullable Double popularity,
            @Nullable Double rating, @Nullable LocalDate firstAirDate, Instant createdAt, Instant updatedAt)
            implements MediaDto {
    }
}
