package app.marquee.trakt;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code GET /api/progress} (API.md): a movie's row has {@code movieId}, an episode's
 * {@code showId}, {@code season} and {@code episode}; {@code progress} is the watched fraction, 0..1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressEntry(long id, String type, double progress, String status, Instant updatedAt,
        @Nullable Integer movieId, @Nullable Integer showId, @Nullable Integer season, @Nullable Integer episode) {
}
