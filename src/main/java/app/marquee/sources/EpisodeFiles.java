package app.marquee.sources;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

/**
 * Finds an episode's video inside a torrent: a season pack's files are named per episode
 * ({@code Show.S01E03.1080p.mkv}), so the file whose name holds that episode, and only it, is the one to play.
 * Samples and non-video files are never chosen; of several candidates the largest wins.
 */
public final class EpisodeFiles {

    private static final Pattern SAMPLE = Pattern.compile("(?i)(?<![A-Za-z])sample(?![A-Za-z])");

    private EpisodeFiles() {
    }

    /** The video of that episode in the torrent, if a file name says it holds it. */
    public static Optional<TorrentFile> find(TorrentMetadata metadata, int season, int episode) {
        return metadata.files().stream()
                .filter(file -> VideoFiles.isVideo(file.name()))
                .filter(file -> !SAMPLE.matcher(String.join("/", file.path())).find())
                .filter(file -> EpisodeMarker.parse(file.name())
                        .filter(marker -> marker.firstEpisode() != null && marker.holds(season, episode))
                        .isPresent())
                .max(Comparator.comparingLong(TorrentFile::size));
    }
}
