package app.marquee.sources;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

/**
 * Finds an episode's video inside a torrent: a season pack's files are named per episode
 * ({@code Show.S01E03.1080p.mkv}), so the file whose name holds that episode, and only it, is the one to play.
 * Samples and non-video files are never chosen; of several candidates the largest wins.
 */
public final class EpisodeFiles {

    private static final Set<String> VIDEO = Set.of("mp4", "m4v", "mkv", "webm", "avi", "mov", "ts", "m2ts", "wmv");
    private static final Pattern SAMPLE = Pattern.compile("(?i)(?<![A-Za-z])sample(?![A-Za-z])");

    private EpisodeFiles() {
    }

    /** The video of that episode in the torrent, if a file name says it holds it. */
    public static Optional<TorrentFile> find(TorrentMetadata metadata, int season, int episode) {
        return metadata.files().stream()
                .filter(file -> VIDEO.contains(extension(file.name())))
                .filter(file -> !SAMPLE.matcher(String.join("/", file.path())).find())
                .filter(file -> EpisodeMarker.parse(file.name())
                        .filter(marker -> marker.firstEpisode() != null && marker.holds(season, episode))
                        .isPresent())
                .max(Comparator.comparingLong(TorrentFile::size));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
