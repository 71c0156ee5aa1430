package app.marquee.sources.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.marquee.accounts.BlindIndex;
import app.marquee.sources.SourcesProperties;
import app.marquee.sources.tracker.ScrapeResult;
import app.marquee.torrent.InfoHash;

/**
 * Reads and writes torrent sources (of movies and episodes), each call one short transaction (SQLite has one writer: no transaction
 * here waits on the network). Entities handed out are detached snapshots.
 */
@Component
@Transactional
class SourceStore {

    /** A torrent an indexer listed for a movie. */
    record Found(InfoHash infoHash, String indexer, TorrentSource.Listing listing) {
    }

    private final TorrentSourceRepository sources;
    private final BlindIndex blindIndex;
    private final SourcesProperties properties;
    private final Clock clock;

    SourceStore(TorrentSourceRepository sources, BlindIndex blindIndex, SourcesProperties properties, Clock clock) {
        this.sources = sources;
        this.blindIndex = blindIndex;
        this.properties = properties;
        this.clock = clock;
    }

    String hashIndex(InfoHash infoHash) {
        return blindIndex.of(infoHash.hex().toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    List<TorrentSource> of(SourceOwner owner) {
        return switch (owner.kind()) {
            case MOVIE -> sources.findByMovieIdOrderById(owner.id());
            case EPISODE -> sources.findByEpisodeIdOrderById(owner.id());
        };
    }

    @Transactional(readOnly = true)
    Optional<TorrentSource> find(long id) {
        return sources.findById(id);
    }

    /** Adds what is new, refreshes what was listed before; returns how many sources are new. */
    int save(SourceOwner owner, List<Found> found) {
        Instant now = clock.instant();
        int added = 0;
        for (Found item : found) {
            String index = hashIndex(item.infoHash());
            Optional<TorrentSource> existing = switch (owner.kind()) {
                case MOVIE -> sources.findByMovieIdAndInfoHashIndex(owner.id(), index);
                case EPISODE -> sources.findByEpisodeIdAndInfoHashIndex(owner.id(), index);
            };
            TorrentSource source = existing.orElseGet(
                    () -> new TorrentSource(owner, index, item.infoHash().hex(), item.indexer(), now));
            source.listing(item.listing(), now);
            sources.save(source);
            if (existing.isEmpty()) {
                added++;
            }
        }
        return added;
    }

    /** The torrent file of that torrent when another source of it (another episode of a pack) has it. */
    @Transactional(readOnly = true)
    Optional<byte[]> knownTorrentFile(String infoHashIndex) {
        return sources.findFirstByInfoHashIndexAndTorrentDataIsNotNullOrderById(infoHashIndex)
                .map(TorrentSource::torrentData);
    }

    @Transactional(readOnly = true)
    boolean metadataDue() {
        return sources.existsMetadataDue(properties.metadataAttempts(), retryBefore());
    }

    /** Takes up to {@code limit} sources whose metadata is due, counting an attempt for each. */
    List<TorrentSource> claimMetadataDue(int limit) {
        Instant now = clock.instant();
        List<TorrentSource> due = sources.findMetadataDue(properties.metadataAttempts(), retryBefore(),
                PageRequest.of(0, limit));
        due.forEach(source -> source.metadataAttempt(now));
        return due;
    }

    private Instant retryBefore() {
        return clock.instant().minus(properties.metadataRetryAfter());
    }

    void metadataValid(long id, byte[] torrentFile, String fileList, int fileIndex, String filePath, long size) {
        sources.findById(id).ifPresent(source ->
                source.metadataValid(torrentFile, fileList, fileIndex, filePath, size, clock.instant()));
    }

    void metadataRejected(long id, String reason) {
        sources.findById(id).ifPresent(source -> source.metadataRejected(reason, clock.instant()));
    }

    @Transactional(readOnly = true)
    boolean statsDue() {
        return sources.existsStatsDue(clock.instant().minus(properties.statsMaxAge()));
    }

    @Transactional(readOnly = true)
    List<TorrentSource> statsDue(int limit) {
        return sources.findStatsDue(clock.instant().minus(properties.statsMaxAge()), PageRequest.of(0, limit));
    }

    /**
     * Stores counts by source id; sources missing from {@code counts} are marked checked with their counts
     * kept, so they wait for the next round instead of being asked again at once.
     */
    void saveCounts(List<Long> checked, Map<Long, ScrapeResult> counts) {
        Instant now = clock.instant();
        for (TorrentSource source : sources.findAllById(checked)) {
            ScrapeResult result = counts.get(source.id());
            if (result == null) {
                source.trackersChecked(now);
            } else {
                source.trackerCounts(result.seeders(), result.leechers(), now);
            }
        }
    }
}
