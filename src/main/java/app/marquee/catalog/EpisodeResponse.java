package app.marquee.catalog;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** An episode of a season (API.md). {@code sources} is absent unless asked for. */
public record EpisodeResponse(long id, int episodeNumber, @Nullable String title, @Nullable String overview,
        @Nullable LocalDate airDate, @Nullable String still,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<MovieSourceDto> sources) {

    public EpisodeResponse(long id, int episodeNumber, @Nullable String title, @Nullable String overview,
            @Nullable LocalDate airDate, @Nullable String still) {
        this(id, episodeNumber, title, overview, airDate, still, null);
    }

    /** The same episode with its sources. */
    public EpisodeResponse withSources(List<MovieSourceDto> found) {
        return new EpisodeResponse(id, episodeNumber, title, overview, airDate, still, List.copyOf(found));
    }
}
