package app.marquee.catalog;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code GET /api/shows/:id} (API.md), with its seasons. */
public record ShowResponse(String type, long id, int tmdbId, @Nullable String imdbId, String title,
        @Nullable String overview, @Nullable String tagline, @Nullable LocalDate firstAirDate,
        @Nullable LocalDate lastAirDate, @Nullable String poster, @Nullable String backdrop, @Nullable String logo,
        List<String> genres, @Nullable Double popularity, @Nullable Double rating, List<SeasonResponse> seasons) {
}
