package app.marquee.sources;

import java.util.Locale;
import java.util.Set;

/** Which file names are videos Marquee plays: one list for validating torrents and for picking episodes. */
public final class VideoFiles {

    private static final Set<String> EXTENSIONS = Set.of(
            "mp4", "m4v", "mkv", "webm", "avi", "mov", "mpg", "mpeg", "ts", "m2ts", "wmv", "ogv", "flv");

    private VideoFiles() {
    }

    public static boolean isVideo(String fileName) {
        return EXTENSIONS.contains(extension(fileName));
    }

    /** The part after the last dot, lower case; empty when there is none. */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
