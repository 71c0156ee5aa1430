package app.marquee.catalog;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What other modules need to know of a stored episode to find its torrents: its show's ids and English name,
 * its season and episode numbers, and when its sources were last searched (null: never).
 */
public record EpisodeSummary(long id, long showId, int showTmdbId, @Nullable String showImdbId,
        @Nullable Integer showTvdbId, String showName, @Nullable LocalDate showFirstAirDate, int seasonNumber,
        int episodeNumber, @Nullable LocalDate airDate, @Nullable Instant sourcesSearchedAt) {

    /** {@code Show S01E02}, for logs and the stats page. */
    public String label() {
        return "%s S%02dE%02d".formatted(showName, seasonNumber, episodeNumber);
    }
}
