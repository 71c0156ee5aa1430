package app.marquee.sources;

import java.util.Locale;
import java.util.Optional;

/** The video codec of a release, as release names and indexers call it. */
public enum VideoCodec {
    /** H.264 / AVC */
    X264("x264", true),
    /** H.265 / HEVC: most browsers cannot decode it (Safari and some Edge builds aside), so it needs transcoding */
    X265("x265", false),
    AV1("AV1", true);

    private final String label;
    private final boolean browserPlayable;

    VideoCodec(String label, boolean browserPlayable) {
        this.label = label;
        this.browserPlayable = browserPlayable;
    }

    public String label() {
        return label;
    }

    /** Whether current Chrome, Firefox and Safari all play it in a {@code <video>} element without transcoding. */
    public boolean isBrowserPlayable() {
        return browserPlayable;
    }

    /**
     * Reads a codec name in any case: {@code x264}, {@code h264}, {@code H.264}, {@code AVC}; {@code x265},
     * {@code h265}, {@code H.265}, {@code HEVC}; {@code AV1}.
     *
     * @return empty for anything else (XviD, VP9, …)
     */
    public static Optional<VideoCodec> parse(String name) {
        return Optional.ofNullable(switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "x264", "h264", "h.264", "x.264", "avc" -> X264;
            case "x265", "h265", "h.265", "x.265", "hevc" -> X265;
            case "av1" -> AV1;
            default -> null;
        });
    }
}
