package app.marquee.catalog;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A season of a show (API.md), with the episodes known so far. */
public record SeasonResponse(long id, int seasonNumber, @Nullable String name, @Nullable String overview,
        @Nullable LocalDate airDate, @Nullable String poster, List<EpisodeResponse> episodes) {
}
