package app.marquee.sources;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.marquee.torrent.InfoHash;

/**
 * A torrent an indexer listed.
 *
 * @param releaseName its name as listed, also the magnet's display name
 * @param magnet the indexer's own magnet, when it gave one (its trackers are kept); else one is built
 * @param torrentUrl where the indexer serves its .torrent file, when it does
 * @param audioChannels as the indexer states them ({@code 2.0}, {@code 5.1}), when it does
 */
public record IndexedTorrent(
        String indexer,
        InfoHash infoHash,
        String releaseName,
        ReleaseInfo info,
        @Nullable String magnet,
        @Nullable String torrentUrl,
        @Nullable Long size,
        @Nullable Integer seeders,
        @Nullable Integer leechers,
        @Nullable String audioChannels,
        @Nullable Instant published) {
}
