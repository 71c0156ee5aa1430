package app.marquee.sources.yts;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The YTS indexer ({@code marquee.yts.*}, CONFIG.md).
 *
 * @param mirrors API roots tried in order; a failing mirror is skipped for a while and the next one used
 * @param minInterval the least time between two requests to one mirror; zero for no spacing
 * @param mirrorCooldown how long a failed mirror is skipped before one request probes it again
 * @param timeout the longest one request to one mirror may take before the next mirror is asked; a dead
 *     mirror often accepts connections and never answers, so this bounds how long a search can hang on one
 */
@Validated
@ConfigurationProperties(prefix = "marquee.yts", ignoreUnknownFields = false)
public record YtsProperties(
        @NotEmpty @DefaultValue({
            "https://yts.mx/api/v2",
            "https://yts.lt/api/v2",
            "https://yts.am/api/v2",
            "https://yts.ag/api/v2",
            "https://yts.rs/api/v2"}) List<@NotNull URI> mirrors,
        @NotNull @DurationMin(millis = 0) @DefaultValue("100ms") Duration minInterval,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration mirrorCooldown,
        @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration timeout) {
}
