package app.marquee.sources.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.marquee.sources.VideoFiles;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

/**
 * Decides whether a torrent's metadata is a movie worth streaming, and which file to play: the largest file
 * must be a video container; no file may escape the download directory ({@code ..}, absolute or drive paths,
 * control characters); no executable may ride along (a classic fake: {@code Movie.mp4.exe}); the video must be
 * of a plausible size, and not much smaller than the indexer said. Pure and thread-safe.
 */
final class TorrentValidation {

    /** The outcome: the file to play, or why the torrent is refused. */
    sealed interface Verdict {
    }

    record Valid(TorrentFile video) implements Verdict {
    }

    record Rejected(String reason) implements Verdict {
    }

    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            "exe", "scr", "bat", "cmd", "com", "msi", "pif", "lnk", "vbs", "vbe", "js", "jse", "wsf", "ps1",
            "jar", "apk", "app", "dmg", "sh", "run", "bin", "cpl", "hta", "reg");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    /** A video file must hold at least half the bytes the indexer announced. */
    private static final double DECLARED_SIZE_SLACK = 0.5;

    private final long minVideoSize;
    private final long maxVideoSize;

    TorrentValidation(long minVideoSize, long maxVideoSize) {
        this.minVideoSize = minVideoSize;
        this.maxVideoSize = maxVideoSize;
    }

    /**
     * @param declaredSize the size the indexer listed for the torrent, when it did
     */
    Verdict check(TorrentMetadata metadata, @Nullable Long declaredSize) {
        List<TorrentFile> files = metadata.files();
        if (files.isEmpty()) {
            return new Rejected("no files");
        }
        for (TorrentFile file : files) {
            String unsafe = unsafePath(file.path());
            if (unsafe != null) {
                return new Rejected("unsafe file path " + printable(file.path()) + ": " + unsafe);
            }
            if (EXECUTABLE_EXTENSIONS.contains(VideoFiles.extension(file.name()))) {
                return new Rejected("contains an executable: " + printable(file.path()));
            }
        }
        TorrentFile largest = files.stream().max(Comparator.comparingLong(TorrentFile::size)).orElseThrow();
        if (!VideoFiles.isVideo(largest.name())) {
            return new Rejected("no video: the largest file is " + printable(largest.path()));
        }
        if (largest.size() < minVideoSize) {
            return new Rejected("video too small: " + largest.size() + " bytes");
        }
        if (largest.size() > maxVideoSize) {
            return new Rejected("video too large: " + largest.size() + " bytes");
        }
        if (declaredSize != null && declaredSize > 0 && largest.size() < declaredSize * DECLARED_SIZE_SLACK) {
            return new Rejected("video of " + largest.size() + " bytes where the indexer listed " + declaredSize);
        }
        return new Valid(largest);
    }

    private static @Nullable String unsafePath(List<String> segments) {
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.isEmpty()) {
                return "empty segment";
            }
            if (segment.equals("..") || segment.equals(".")) {
                return "'" + segment + "' segment";
            }
            if (segment.startsWith("/") || segment.startsWith("\\") || (i == 0 && DRIVE.matcher(segment).matches())) {
                return "absolute path";
            }
            if (segment.contains("/") || segment.contains("\\")) {
                return "separator inside a name";
            }
            if (segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return "control character";
            }
        }
        return null;
    }

    private static String printable(List<String> path) {
        String joined = String.join("/", path).replaceAll("\\p{Cntrl}", "?");
        return joined.length() > 120 ? joined.substring(0, 120) + "..." : joined;
    }
}
