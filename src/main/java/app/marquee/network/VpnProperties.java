package app.marquee.network;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * VPN protection ({@code marquee.vpn.*}, CONFIG.md).
 *
 * @param interfaceName the VPN interface ({@code wg0}, {@code tun0}); torrent and indexer traffic only
 *     ever leaves through it. Bound from {@code marquee.vpn.interface}.
 * @param required pause torrents and source tasks while the interface is down, and refuse new streams
 * @param bindMetadataApis bind TMDB and Trakt calls to the VPN interface too
 * @param checkInterval how often the interface state is read
 * @param ipCheckUrls optional services answering the caller's public IP
 * @param homeIps IPs or CIDRs of the home connection: a public-IP check that sees one means the VPN is down
 * @param ipCheckPeriod how often the public-IP checks run
 */
@Validated
@ConfigurationProperties(prefix = "marquee.vpn", ignoreUnknownFields = false)
public record VpnProperties(
        @Name("interface") @Nullable @Pattern(regexp = "[A-Za-z0-9_.:-]{1,15}", message = "must be a network interface name")
        String interfaceName,
        @DefaultValue("false") boolean required,
        @DefaultValue("true") boolean bindMetadataApis,
        @NotNull @DurationMin(millis = 100) @DefaultValue("1s") Duration checkInterval,
        @NotNull @DefaultValue({}) List<@NotNull URI> ipCheckUrls,
        @NotNull @DefaultValue({}) List<@NotBlank String> homeIps,
        @NotNull @DurationMin(seconds = 10) @DefaultValue("5m") Duration ipCheckPeriod) {
}
