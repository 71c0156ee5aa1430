package app.marquee.sources.yts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One torrent YTS lists for a movie. Text fields YTS left out are empty strings, numbers it left out are 0.
 *
 * @param hash the BitTorrent v1 info-hash, 40 hex digits in the case YTS gave them
 * @param quality {@code 720p}, {@code 1080p}, {@code 2160p}, {@code 3D}...
 * @param type the release's origin: {@code bluray}, {@code web}...
 * @param videoCodec {@code x264}, {@code x265}
 * @param bitDepth {@code 8} or {@code 10}
 * @param audioChannels {@code 2.0}, {@code 5.1}...
 * @param seeds seeders as YTS last saw them (often stale; the tracker scrape is the truth)
 * @param peers leechers as YTS last saw them
 * @param sizeBytes the torrent's total size
 * @param uploadedAt when YTS published it, null when it does not say
 * @param url YTS's download URL of the .torrent file
 * @param movieTitle the title of the movie YTS lists it under
 * @param year that movie's year, 0 when unknown
 */
public record YtsTorrent(
        String hash,
        String quality,
        String type,
        String videoCodec,
        String bitDepth,
        String audioChannels,
        int seeds,
        int peers,
        long sizeBytes,
        @Nullable Instant uploadedAt,
        String url,
        String movieTitle,
        int year) {
}
