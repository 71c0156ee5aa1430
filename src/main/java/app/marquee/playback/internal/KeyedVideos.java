package app.marquee.playback.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.MovieSummary;
import app.marquee.catalog.SourceMedia;
import app.marquee.catalog.TitleIds;
import app.marquee.platform.ApiException;
import app.marquee.sources.PlayableSource;
import app.marquee.sources.SourcesApi;
import app.marquee.streaming.StreamingApi;

/** What the playback routes know of a streaming key: its grant, its video's media, file name and movie. */
@Component
class KeyedVideos {

    private final StreamingApi streaming;
    private final SourcesApi sources;
    private final CatalogApi catalog;
    private final TitleIds titleIds;
    private final MediaProbe probe;

    KeyedVideos(StreamingApi streaming, SourcesApi sources, CatalogApi catalog, TitleIds titleIds, MediaProbe probe) {
        this.streaming = streaming;
        this.sources = sources;
        this.catalog = catalog;
        this.titleIds = titleIds;
        this.probe = probe;
    }

    /** @throws ApiException 401 for a malformed, unknown or expired key */
    StreamingApi.Grant grant(String key) {
        return streaming.grant(key).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "Invalid streaming key", "the key is unknown or expired: ask for a new one"));
    }

    /** @throws ApiException 503 without ffprobe; see {@link MediaProbe#media} */
    SourceMedia media(String key, StreamingApi.Grant grant) {
        return probe.media(key, grant).orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "ffmpeg is not available", "this server direct-plays only; use GET /api/stream/{key}"));
    }

    /** @throws ApiException 404 when the key's source was deleted or rejected since */
    PlayableSource source(StreamingApi.Grant grant) {
        return sources.source(grant.sourceId())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "No playable video file"));
    }

    /** The video file's extension ({@code mkv}), null while the torrent's metadata is unknown. */
    @Nullable String extension(StreamingApi.Grant grant) {
        return sources.source(grant.sourceId()).map(PlaybackWorkEstimate::extension).orElse(null);
    }

    /** @throws ApiException 404 for an episode's key, or when the key's movie has no IMDb id */
    String imdbId(StreamingApi.Grant grant) {
        Long movieId = grant.movieId();
        if (movieId == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "External subtitles are searched for movies only");
        }
        Integer tmdbId = titleIds.movieTmdbIds(List.of(movieId)).get(movieId);
        return (tmdbId == null ? java.util.Optional.<MovieSummary>empty() : catalog.storedMovie(tmdbId))
                .map(MovieSummary::imdbId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "The movie has no IMDb id"));
    }
}
