package app.marquee.platform;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings that belong to no single module.
 *
 * @param dataDir where Marquee keeps its SQLite database, generated secrets, logs and downloads
 *     ({@code marquee.data-dir}, default {@code ./data})
 */
@Validated
@ConfigurationProperties("marquee")
public record MarqueeProperties(@NotNull @DefaultValue("./data") Path dataDir) {
}
