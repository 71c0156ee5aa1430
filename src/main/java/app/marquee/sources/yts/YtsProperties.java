package app.marquee.sources.yts;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The YTS indexer ({@code marquee.yts.*}, CONFIG.md).
 *
 * @param mirrors API roots tried in order; a failing mirror is skipped for a while and the next one used
 * @param minInterval the least time between two requests to one mirror
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
        @NotNull @DefaultValue("100ms") Duration minInterval) {
}
