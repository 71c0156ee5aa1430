package app.marquee.sources;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentMetadata;

/**
 * A source (of a movie or an episode) that can be handed to the torrent engine to play: the magnet always, the metadata once it was
 * fetched and validated (then {@code videoFileIndex} names the file to play).
 *
 * @param id the source's id ({@code MovieSourceDto.id})
 * @param quality {@code 480p}, {@code 720p}, {@code 1080p}, {@code 2160p}, {@code 3D}, or null when unknown
 * @param size bytes of the video file when known, else of the torrent as the indexer listed it
 */
public record PlayableSource(long id, InfoHash infoHash, String magnet, @Nullable String quality,
        @Nullable String videoCodec, @Nullable Long size, @Nullable Integer seeders, @Nullable Integer leechers,
        @Nullable TorrentMetadata metadata, @Nullable Integer videoFileIndex) {

    public Optional<TorrentMetadata> validatedMetadata() {
        return Optional.ofNullable(metadata);
    }
}
