package app.marquee.sources;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How much work playing each source takes for one client, where its probed media tells (issue #11: "best" is the
 * source that needs the least work for that client). The playback module implements it; a source not probed yet,
 * or a server without ffmpeg, is left out, and the ranking falls back to the codec the release names.
 */
public interface PlaybackWork {

    /** The request header (or {@code caps} parameter) in which a client lists the codecs and containers it plays. */
    String CAPABILITIES_HEADER = "X-Playback-Capabilities";

    /** The ways a file reaches a client, least work first. */
    enum Level {
        DIRECT, REMUX, AUDIO_TRANSCODE, TRANSCODE
    }

    /**
     * @param capabilities codec and container names the client plays ({@code h264,aac,mp4}), null for a browser's
     *        baseline
     * @param hevc the client decodes HEVC
     * @return the level of each source whose media is known, by source id
     * @throws app.marquee.platform.ApiException 400 when {@code capabilities} is malformed
     */
    Map<Long, Level> of(List<PlayableSource> sources, @Nullable String capabilities, boolean hevc);
}
