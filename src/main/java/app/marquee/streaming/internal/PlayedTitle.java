package app.marquee.streaming.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieSummary;
import app.marquee.sources.PlayableSource;
import app.marquee.sources.SourcesApi;

/** What a streaming key plays: a movie or an episode, with a name for the stats page. */
sealed interface PlayedTitle {

    String label();

    /** Its sources that may be played, best first for this client. */
    List<PlayableSource> playable(SourcesApi sources, @Nullable String quality, boolean hevc,
            @Nullable String capabilities);

    default @Nullable Long movieId() {
        return this instanceof Movie(MovieSummary movie) ? movie.id() : null;
    }

    default @Nullable Long episodeId() {
        return this instanceof Episode(EpisodeSummary episode) ? episode.id() : null;
    }

    record Movie(MovieSummary movie) implements PlayedTitle {

        @Override
        public String label() {
            return movie.title();
        }

        @Override
        public List<PlayableSource> playable(SourcesApi sources, @Nullable String quality, boolean hevc,
                @Nullable String capabilities) {
            return sources.playable(movie, quality, hevc, capabilities);
        }
    }

    record Episode(EpisodeSummary episode) implements PlayedTitle {

        @Override
        public String label() {
            return episode.label();
        }

        @Override
        public List<PlayableSource> playable(SourcesApi sources, @Nullable String quality, boolean hevc,
                @Nullable String capabilities) {
            return sources.playable(episode, quality, hevc, capabilities);
        }
    }
}
