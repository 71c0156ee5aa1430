package app.marquee.catalog;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/search} (Marquee's own route): stored titles whose title matches first, then what TMDB's
 * search found (and which is now stored too).
 */
public record SearchResponse(List<Result> results, int total) {

    /** A movie ({@code type: "movie"}) or a show ({@code type: "show"}), texts in the requested language. */
    public record Result(String type, int tmdbId, String title, @Nullable String overview, @Nullable String poster,
            @Nullable String backdrop, @Nullable LocalDate date, @Nullable Double rating) {
    }
}
