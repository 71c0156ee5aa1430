package app.marquee.catalog;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What other modules need to know of a stored movie: its ids, English title and release date, and when its
 * torrent sources were last searched (null: never).
 */
public record MovieSummary(long id, int tmdbId, @Nullable String imdbId, String title,
        @Nullable LocalDate releaseDate, @Nullable Instant sourcesSearchedAt) {
}
