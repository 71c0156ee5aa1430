package app.marquee.sources;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieSummary;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

/** The sources of titles as other modules (streaming) use them. Implemented in {@code sources.internal}. */
public interface SourcesApi {

    /**
     * The movie's sources that may be played, best first for this request: of the quality asked (any when
     * null), playable by the client first ({@code hevc}: it decodes HEVC/x265), then seeded, then
     * validated, then most seeders, then smallest. Rejected torrents are left out. When the movie was never
     * searched, searches first (bounded like {@code includeSources}).
     *
     * @throws app.marquee.platform.ApiException 503 when nothing is stored and no indexer answers
     */
    default List<PlayableSource> playable(MovieSummary movie, @Nullable String quality, boolean hevc) {
        return playable(movie, quality, hevc, null);
    }

    /**
     * As {@link #playable(MovieSummary, String, boolean)}, for a client that lists what it plays: within a quality,
     * the sources it plays with the least work come first (direct play, then remux, audio transcode, full
     * transcode), where their media was probed ({@link PlaybackWork}).
     */
    List<PlayableSource> playable(MovieSummary movie, @Nullable String quality, boolean hevc,
            @Nullable String capabilities);

    /** As {@link #playable(MovieSummary, String, boolean)} for an episode: its own torrents and packs holding it. */
    default List<PlayableSource> playable(EpisodeSummary episode, @Nullable String quality, boolean hevc) {
        return playable(episode, quality, hevc, null);
    }

    /** As {@link #playable(MovieSummary, String, boolean, String)} for an episode. */
    List<PlayableSource> playable(EpisodeSummary episode, @Nullable String quality, boolean hevc,
            @Nullable String capabilities);

    /** One source by id, unless it was rejected or deleted. */
    Optional<PlayableSource> source(long sourceId);

    /**
     * Validates metadata a stream obtained from peers before the torrent-files task did, and records it.
     *
     * @return the video file to play; empty when the torrent is rejected (unsafe paths, no video, ...)
     */
    Optional<TorrentFile> acceptMetadata(PlayableSource source, TorrentMetadata metadata);
}
