package app.marquee.sources.eztv;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.marquee.torrent.InfoHash;

/**
 * One torrent EZTV lists for a show.
 *
 * @param infoHash the torrent's info-hash
 * @param title the release title as EZTV shows it, such as {@code Show Name S01E02 1080p WEB h264-GROUP EZTV}
 * @param filename the .torrent file's name
 * @param season the season number, null when EZTV gives none (a season pack or special lists {@code "0"})
 * @param episode the episode number, null when EZTV gives none (a whole-season torrent lists {@code "0"})
 * @param magnet the magnet link, null when missing
 * @param torrentUrl where the .torrent file can be downloaded, null when missing
 * @param size the total size in bytes, null when missing or not positive
 * @param seeds seeders as EZTV last counted them (0 when missing)
 * @param peers leechers as EZTV last counted them (0 when missing)
 * @param released when EZTV listed it, null when missing
 */
public record EztvTorrent(
        InfoHash infoHash,
        String title,
        String filename,
        @Nullable Integer season,
        @Nullable Integer episode,
        @Nullable String magnet,
        @Nullable String torrentUrl,
        @Nullable Long size,
        int seeds,
        int peers,
        @Nullable Instant released) {
}
