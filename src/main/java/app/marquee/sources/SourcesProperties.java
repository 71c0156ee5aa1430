package app.marquee.sources;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How sources are searched, counted and checked ({@code marquee.sources.*}).
 *
 * @param onDemandWait how long {@code GET /api/movies/:id?includeSources=true} waits for a first search of a
 *     movie never searched before answering with what it has (API.md: about 1.2 s)
 * @param resyncAfter a movie's sources are searched again this long after the last search ({@code source-resync})
 * @param statsMaxAge seeders and leechers older than this are scraped again ({@code tracker-stats})
 * @param scrapeBatch info-hashes per tracker-stats run
 * @param metadataTimeout how long one metadata fetch from peers may take
 * @param metadataFetches metadata fetches running at once
 * @param metadataAttempts fetches of a torrent nobody serves before it is given up (it stays listed as pending)
 * @param metadataRetryAfter the wait between two fetches of one torrent
 * @param minVideoSize a torrent whose video is smaller is rejected as a fake
 * @param maxVideoSize a torrent whose video is larger is rejected as absurd
 */
@Validated
@ConfigurationProperties(prefix = "marquee.sources", ignoreUnknownFields = false)
public record SourcesProperties(
        @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 30) @DefaultValue("1200ms") Duration onDemandWait,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("7d") Duration resyncAfter,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration statsMaxAge,
        @Min(1) @Max(500) @DefaultValue("50") int scrapeBatch,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration metadataTimeout,
        @Min(1) @Max(64) @DefaultValue("4") int metadataFetches,
        @Min(1) @DefaultValue("5") int metadataAttempts,
        @NotNull @DurationMin(millis = 0) @DefaultValue("10m") Duration metadataRetryAfter,
        @NotNull @DefaultValue("1MB") DataSize minVideoSize,
        @NotNull @DefaultValue("200GB") DataSize maxVideoSize) {
}
