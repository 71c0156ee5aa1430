package app.marquee.streaming;

/**
 * A streaming key was just issued and its download started (a play request), published in-process so other
 * modules can prepare what the player will ask next (playback probes the video's media). The key is a secret: it
 * is not part of {@link #toString()}.
 */
public record StreamingKeyIssued(String key, StreamingApi.Grant grant) {

    @Override
    public String toString() {
        return "StreamingKeyIssued[source=" + grant.sourceId() + "]";
    }
}
