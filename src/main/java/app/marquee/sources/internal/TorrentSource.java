package app.marquee.sources.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.marquee.accounts.EncryptedString;

/**
 * One torrent of a movie or of an episode, as an indexer listed it, with what was learnt about it since: tracker counts and,
 * once fetched and validated, its metadata and the file to play. The info-hash and the magnet are encrypted;
 * {@code infoHashIndex} (a blind index of the lower-case hex hash) is what look-ups and uniqueness use.
 */
@Entity
@Table(name = "torrent_source")
class TorrentSource {

    /** Where the torrent's metadata stands. */
    enum MetadataStatus {
        PENDING, VALID, REJECTED;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    /** Exactly one of movieId and episodeId is set. */
    @Column(name = "movie_id", updatable = false)
    private @Nullable Long movieId;

    @Column(name = "episode_id", updatable = false)
    private @Nullable Long episodeId;

    @Column(name = "info_hash_index", nullable = false, updatable = false, length = 64)
    private String infoHashIndex;

    @Convert(converter = EncryptedString.class)
    @Column(name = "info_hash", nullable = false, updatable = false)
    private String infoHash;

    @Convert(converter = EncryptedString.class)
    @Column(name = "magnet", nullable = false)
    private String magnet;

    @Column(name = "torrent_url", length = 2048)
    private @Nullable String torrentUrl;

    @Column(name = "indexer", nullable = false, length = 32)
    private String indexer;

    @Column(name = "release_name", length = 500)
    private @Nullable String releaseName;

    @Column(name = "quality", length = 8)
    private @Nullable String quality;

    @Column(name = "video_codec", length = 16)
    private @Nullable String videoCodec;

    @Column(name = "bit_depth")
    private @Nullable Integer bitDepth;

    @Column(name = "hdr", nullable = false)
    private boolean hdr;

    @Column(name = "audio_channels", length = 8)
    private @Nullable String audioChannels;

    @Column(name = "release_type", length = 16)
    private @Nullable String releaseType;

    @Column(name = "size_bytes")
    private @Nullable Long sizeBytes;

    @Column(name = "seeders")
    private @Nullable Integer seeders;

    @Column(name = "leechers")
    private @Nullable Integer leechers;

    @Column(name = "uploaded_at")
    private @Nullable Instant uploadedAt;

    @Column(name = "trackers_checked_at")
    private @Nullable Instant trackersCheckedAt;

    @Column(name = "metadata_status", nullable = false, length = 16)
    private String metadataStatus = MetadataStatus.PENDING.value();

    @Column(name = "metadata_reason")
    private @Nullable String metadataReason;

    @Column(name = "metadata_attempts", nullable = false)
    private int metadataAttempts;

    @Column(name = "metadata_checked_at")
    private @Nullable Instant metadataCheckedAt;

    @Column(name = "torrent_data")
    private byte @Nullable [] torrentData;

    @Column(name = "file_list", columnDefinition = "TEXT")
    private @Nullable String fileList;

    @Column(name = "video_file_index")
    private @Nullable Integer videoFileIndex;

    @Column(name = "video_file_path", length = 1024)
    private @Nullable String videoFilePath;

    @Column(name = "video_file_size")
    private @Nullable Long videoFileSize;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @SuppressWarnings("NullAway.Init")
    protected TorrentSource() {
    }

    TorrentSource(SourceOwner owner, String infoHashIndex, String infoHash, String indexer, Instant now) {
        this.movieId = owner.movieId();
        this.episodeId = owner.episodeId();
        this.infoHashIndex = infoHashIndex;
        this.infoHash = infoHash;
        this.indexer = indexer;
        this.magnet = "";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** What the indexer says of the torrent; replaces the previous listing, keeps metadata and counts. */
    void listing(Listing listing, Instant now) {
        magnet = listing.magnet();
        torrentUrl = listing.torrentUrl();
        releaseName = listing.releaseName();
        quality = listing.quality();
        videoCodec = listing.videoCodec();
        bitDepth = listing.bitDepth();
        hdr = listing.hdr();
        audioChannels = listing.audioChannels();
        releaseType = listing.releaseType();
        sizeBytes = listing.sizeBytes();
        uploadedAt = listing.uploadedAt();
        if (trackersCheckedAt == null) {
            // the indexer's own counts until a scrape of ours replaces them
            seeders = listing.seeders();
            leechers = listing.leechers();
        }
        updatedAt = now;
    }

    /** The fields an indexer gives for a torrent. */
    record Listing(String magnet, @Nullable String torrentUrl, @Nullable String releaseName,
            @Nullable String quality, @Nullable String videoCodec, @Nullable Integer bitDepth, boolean hdr,
            @Nullable String audioChannels, @Nullable String releaseType, @Nullable Long sizeBytes,
            @Nullable Integer seeders, @Nullable Integer leechers, @Nullable Instant uploadedAt) {
    }

    void trackerCounts(int newSeeders, int newLeechers, Instant now) {
        seeders = newSeeders;
        leechers = newLeechers;
        trackersCheckedAt = now;
        updatedAt = now;
    }

    void trackersChecked(Instant now) {
        trackersCheckedAt = now;
        updatedAt = now;
    }

    /** A metadata fetch is starting: counted, so a torrent nobody seeds is not asked for forever. */
    void metadataAttempt(Instant now) {
        metadataAttempts++;
        metadataCheckedAt = now;
        updatedAt = now;
    }

    void metadataValid(byte[] torrentFile, String files, int fileIndex, String filePath, long fileSize,
            Instant now) {
        metadataStatus = MetadataStatus.VALID.value();
        metadataReason = null;
        torrentData = torrentFile.clone();
        fileList = files;
        videoFileIndex = fileIndex;
        videoFilePath = filePath;
        videoFileSize = fileSize;
        metadataCheckedAt = now;
        updatedAt = now;
    }

    void metadataRejected(String reason, Instant now) {
        metadataStatus = MetadataStatus.REJECTED.value();
        metadataReason = reason.length() > 255 ? reason.substring(0, 255) : reason;
        torrentData = null;
        fileList = null;
        videoFileIndex = null;
        videoFilePath = null;
        videoFileSize = null;
        metadataCheckedAt = now;
        updatedAt = now;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    SourceOwner owner() {
        return movieId != null ? SourceOwner.movie(movieId) : SourceOwner.episode(java.util.Objects.requireNonNull(episodeId));
    }

    String infoHash() {
        return infoHash;
    }

    String infoHashIndex() {
        return infoHashIndex;
    }

    String magnet() {
        return magnet;
    }

    @Nullable String torrentUrl() {
        return torrentUrl;
    }

    String indexer() {
        return indexer;
    }

    @Nullable String releaseName() {
        return releaseName;
    }

    @Nullable String quality() {
        return quality;
    }

    @Nullable String videoCodec() {
        return videoCodec;
    }

    @Nullable Integer bitDepth() {
        return bitDepth;
    }

    boolean hdr() {
        return hdr;
    }

    @Nullable Long sizeBytes() {
        return sizeBytes;
    }

    @Nullable Integer seeders() {
        return seeders;
    }

    @Nullable Integer leechers() {
        return leechers;
    }

    @Nullable Instant trackersCheckedAt() {
        return trackersCheckedAt;
    }

    MetadataStatus metadataStatus() {
        return MetadataStatus.valueOf(metadataStatus.toUpperCase(java.util.Locale.ROOT));
    }

    @Nullable String metadataReason() {
        return metadataReason;
    }

    int metadataAttempts() {
        return metadataAttempts;
    }

    byte @Nullable [] torrentData() {
        return torrentData == null ? null : torrentData.clone();
    }

    @Nullable Integer videoFileIndex() {
        return videoFileIndex;
    }

    @Nullable String videoFilePath() {
        return videoFilePath;
    }

    @Nullable Long videoFileSize() {
        return videoFileSize;
    }
}
