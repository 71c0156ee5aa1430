package app.marquee.sources.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.marquee.catalog.CatalogApi;
import app.marquee.sources.SourcesProperties;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a source's torrent metadata, wherever it came from (the torrent-files task, or a stream that got it
 * from peers first), and records the verdict: the file list and the video to play, or why it is rejected.
 */
@Component
class MetadataCheck {

    private static final Logger log = LoggerFactory.getLogger(MetadataCheck.class);

    private final SourceStore store;
    private final CatalogApi catalog;
    private final TorrentValidation validation;
    private final JsonMapper json;

    MetadataCheck(SourceStore store, CatalogApi catalog, SourcesProperties properties, JsonMapper json) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
        this.validation = new TorrentValidation(properties.minVideoSize().toBytes(),
                properties.maxVideoSize().toBytes());
    }

    /** @return the video file to play; empty when the torrent was rejected */
    Optional<TorrentFile> accept(long sourceId, InfoHash expected, @Nullable Long declaredSize,
            TorrentMetadata metadata) {
        if (!metadata.infoHash().equals(expected)) {
            reject(sourceId, "the metadata is of another torrent (" + metadata.infoHash() + ")");
            return Optional.empty();
        }
        return switch (validation.check(metadata, declaredSize, episodeOf(sourceId))) {
            case TorrentValidation.Valid(TorrentFile video) -> {
                store.metadataValid(sourceId, metadata.torrentFile(), fileList(metadata), video.index(),
                        String.join("/", video.path()), video.size());
                log.debug("Source {}: plays {}", sourceId, video.name());
                yield Optional.of(video);
            }
            case TorrentValidation.Rejected(String reason) -> {
                reject(sourceId, reason);
                yield Optional.empty();
            }
        };
    }

    /** The episode a source is for; null for a movie's (or a source deleted meanwhile). */
    private TorrentValidation.@Nullable Episode episodeOf(long sourceId) {
        return store.find(sourceId)
                .map(TorrentSource::owner)
                .map(SourceOwner::episodeId)
                .flatMap(catalog::storedEpisode)
                .map(e -> new TorrentValidation.Episode(e.seasonNumber(), e.episodeNumber()))
                .orElse(null);
    }

    void reject(long sourceId, String reason) {
        store.metadataRejected(sourceId, reason);
        log.info("Source {} rejected: {}", sourceId, reason);
    }

    private String fileList(TorrentMetadata metadata) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (TorrentFile file : metadata.files()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", file.index());
            entry.put("path", String.join("/", file.path()));
            entry.put("size", file.size());
            files.add(entry);
        }
        return json.writeValueAsString(files);
    }
}
