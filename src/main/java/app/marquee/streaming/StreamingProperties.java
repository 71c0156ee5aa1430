package app.marquee.streaming;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Streaming and download storage ({@code marquee.streaming.*}, CONFIG.md).
 *
 * @param downloadDir where torrent data lives; {@code <data-dir>/downloads} when unset
 * @param maxDisk the disk quota of downloads; the least recently watched go first, never one being streamed
 * @param idleTimeout torrents nobody reads for this long are stopped
 * @param keyTtl how long a streaming key stays valid
 * @param readTimeout a read not served in this time ends with 504
 */
@Validated
@ConfigurationProperties(prefix = "marquee.streaming", ignoreUnknownFields = false)
public record StreamingProperties(
        @Nullable Path downloadDir,
        @NotNull @DefaultValue("50GB") DataSize maxDisk,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("10m") Duration idleTimeout,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("6h") Duration keyTtl,
        @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration readTimeout) {
}
