package app.marquee.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a source's video file holds, as ffprobe read it (the playback module probes it once its header pieces are
 * there): container, video, audio and subtitle tracks. Part of {@link MovieSourceDto}, null until probed.
 *
 * @param container ffprobe's format names, e.g. {@code matroska,webm} or {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param durationSeconds the playing time, when the container says
 */
public record SourceMedia(String container, @Nullable Double durationSeconds, @Nullable Long bitRate,
        @Nullable Video video, List<Audio> audio, List<Subtitle> subtitles) {

    /**
     * The first video track.
     *
     * @param codec ffprobe's codec name ({@code h264}, {@code hevc}, {@code av1}, ...)
     * @param bitDepth bits per sample (8, 10, 12)
     * @param hdr true for PQ (HDR10, Dolby Vision profile 8) or HLG transfer
     */
    public record Video(String codec, @Nullable String profile, @Nullable Integer bitDepth, boolean hdr,
            @Nullable Integer width, @Nullable Integer height, @Nullable String pixelFormat) {
    }

    /**
     * An audio track.
     *
     * @param track its number among the audio tracks (0 is the first), as {@code audio=} names it
     * @param language ISO 639-2 as the file tags it ({@code eng}, {@code fre}), null when untagged
     */
    public record Audio(int track, String codec, @Nullable Integer channels, @Nullable String channelLayout,
            @Nullable String language, @Nullable String title, boolean isDefault) {
    }

    /**
     * A subtitle track.
     *
     * @param track its number among the subtitle tracks, as {@code /subtitles/:track.vtt} names it
     * @param text true for text tracks (SRT, ASS/SSA, mov_text, WebVTT) served as WebVTT; false for image
     *        tracks (PGS, VobSub, DVB), which can only be burnt in
     */
    public record Subtitle(int track, String codec, @Nullable String language, @Nullable String title,
            boolean forced, boolean text) {
    }
}
