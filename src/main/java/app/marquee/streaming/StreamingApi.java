package app.marquee.streaming;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Streaming keys as other modules (playback) use them. Implemented in {@code streaming.internal}; the video of a
 * key is read through {@code GET /api/stream/:key}, which waits for the pieces each read needs.
 */
public interface StreamingApi {

    /** What a valid streaming key grants; empty when the key is malformed, unknown or expired. */
    Optional<Grant> grant(String key);

    /**
     * What a streaming key grants: a movie or an episode (one of the two ids is set).
     *
     * @param sourceId the source the key was issued for (the one {@code GET /api/stream/:key} plays when no
     *        other quality is asked)
     */
    record Grant(String userId, @Nullable Long movieId, @Nullable Long episodeId, long sourceId, Instant expiresAt) {
    }
}
