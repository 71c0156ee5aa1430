package app.marquee.sync;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/stats} shows of streaming: the streaming module implements it as a bean (sync cannot
 * depend on streaming); without one, {@code streams} is empty and {@code disk} zero.
 */
public interface StreamActivity {

    /**
     * One download being played or kept warm.
     *
     * @param id the source's id
     * @param downloadRate payload bytes per second
     * @param progress 0..1 of the video file
     */
    record Stream(long id, String title, @Nullable String quality, long downloadRate, long uploadRate, int peers,
            double progress, int readers) {
    }

    List<Stream> streams();

    /** Bytes the downloads hold on disk (a running download counts at its full size against the quota). */
    long diskUsedBytes();

    long diskQuotaBytes();
}
