package app.marquee.sources.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.marquee.sources.EpisodeFiles;
import app.marquee.sources.VideoFiles;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

/**
 * Decides whether a torrent's metadata is a movie worth streaming, and which file to play: the largest file
 * must be a video container; no file may escape the download directory ({@code ..}, absolute or drive paths,
 * control characters); no executable may ride along (a classic fake: {@code Movie.mp4.exe}); the video must be
 * of a plausible size, and not much smaller than the indexer said. For an episode, the video is the file that
 * holds it (season packs). Pure and thread-safe.
 */
final class TorrentValidation {

    /** The outcome: the file to play, or why the torrent is refused. */
    sealed interface Verdict {
    }

    record Valid(TorrentFile video) implements Verdict {
    }

    record Rejected(String reason) implements Verdict {
    }

    /** The episode a torrent is checked for: its file is the one named for it (a season pack holds several). */
    record Episode(int season, int episode) {
        @Override
        public String toString() {
            return "S%02dE%02d".formatted(season, episode);
        }
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
        return check(metadata, declaredSize, null);
    }

    /**
     * As {@link #check(TorrentMetadata, Long)}; for an episode the file to play is the one whose name holds it
     * ({@link EpisodeFiles}), or the only video when there is one, and the indexer's size is compared with the
     * whole torrent's (a pack's size is the season's).
     */
    Verdict check(TorrentMetadata metadata, @Nullable Long declaredSize, @Nullable Episode episode) {
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
        TorrentFile video;
        long compared;
        if (episode == null) {
            video = files.stream().max(Comparator.comparingLong(TorrentFile::size)).orElseThrow();
            if (!VideoFiles.isVideo(video.name())) {
                return new Rejected("no video: the largest file is " + printable(video.path()));
            }
            compared = video.size();
        } else {
            Optional<TorrentFile> found = EpisodeFiles.find(metadata, episode.season(), episode.episode());
            List<TorrentFile> videos = files.stream().filter(file -> VideoFiles.isVideo(file.name())).toList();
            if (found.isEmpty() && videos.size() != 1) {
                return new Rejected("no file of " + episode + " among its " + videos.size() + " video(s)");
            }
            video = found.orElseGet(videos::getFirst);
            compared = files.stream().mapToLong(TorrentFile::size).sum();
        }
        if (video.size() < minVideoSize) {
            return new Rejected("video too small: " + video.size() + " bytes");
        }
        if (video.size() > maxVideoSize) {
            return new Rejected("video too large: " + video.size() + " bytes");
        }
        if (declaredSize != null && declaredSize > 0 && compared < declaredSize * DECLARED_SIZE_SLACK) {
            return new Rejected((episode == null ? "video" : "torrent") + " of " + compared
                    + " bytes where the indexer listed " + declaredSize);
        }
        return new Valid(video);
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
