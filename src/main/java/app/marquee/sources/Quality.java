package app.marquee.sources;

import java.util.Locale;
import java.util.Optional;

/** A release's picture quality as indexers class it: its vertical resolution, or 3D (YTS lists it apart). */
public enum Quality {
    P480("480p"),
    P720("720p"),
    P1080("1080p"),
    P2160("2160p"),
    THREE_D("3D");

    private final String label;

    Quality(String label) {
        this.label = label;
    }

    /** The usual name: {@code 720p}, {@code 2160p}, {@code 3D}. */
    public String label() {
        return label;
    }

    /**
     * Reads one quality token in any case: {@code 480p}, {@code 720p}, {@code 1080p} (or {@code 1080i}),
     * {@code 2160p}, {@code 4K}, {@code UHD}, {@code 3D}; the {@code p} may be left out.
     *
     * @return empty for anything else
     */
    public static Optional<Quality> parse(String token) {
        return Optional.ofNullable(switch (token.strip().toLowerCase(Locale.ROOT)) {
            case "480p", "480" -> P480;
            case "720p", "720" -> P720;
            case "1080p", "1080i", "1080" -> P1080;
            case "2160p", "2160", "4k", "uhd" -> P2160;
            case "3d" -> THREE_D;
            default -> null;
        });
    }
}
