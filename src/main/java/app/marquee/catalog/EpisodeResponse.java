package app.marquee.catalog;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An episode of a season (API.md). */
public record EpisodeResponse(long id, int episodeNumber, @Nullable String title, @Nullable String overview,
        @Nullable LocalDate airDate, @Nullable String still) {
}
