package app.marquee.sources;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Indexers besides YTS ({@code marquee.indexers.*}, CONFIG.md).
 *
 * @param torznab Torznab endpoints (Prowlarr, Jackett...), each searched on its own; none by default
 * @param eztv the EZTV API, for TV episodes (a client exists; nothing searches EZTV yet)
 */
@Validated
@ConfigurationProperties(prefix = "marquee.indexers", ignoreUnknownFields = false)
public record IndexersProperties(
        @NotNull @DefaultValue({}) List<@NotNull @Valid Torznab> torznab,
        @NotNull @Valid @DefaultValue Eztv eztv) {

    /** Names tell endpoints apart in logs, metrics and {@code /api/status}: each may be used once. */
    @AssertTrue(message = "two marquee.indexers.torznab entries have the same name")
    public boolean isEachTorznabNameOnce() {
        return torznab.stream().map(Torznab::name).distinct().count() == torznab.size();
    }

    /**
     * One Torznab endpoint ({@code marquee.indexers.torznab[n].*}).
     *
     * @param name how it is named in logs, metrics and {@code /api/status} ({@code torznab-<name>}): 1 to 32
     *     letters, digits, {@code -} or {@code _}, unique among the endpoints
     * @param url the Torznab API endpoint, such as {@code http://prowlarr:9696/1/api} or Jackett's
     *     {@code http://jackett:9117/api/v2.0/indexers/all/results/torznab/api}
     * @param apiKey the endpoint's API key, sent as {@code apikey}; null for an endpoint that needs none. A
     *     secret: never logged, and left out of {@link #toString()}
     * @param timeout the longest one request may take, body included
     * @param minInterval the least time between two requests to this endpoint; zero for no spacing
     * @param cooldown how long the endpoint is skipped after it failed before one request probes it again
     * @param enabled false keeps the endpoint configured but never asks it (nor shows it in {@code /api/status})
     */
    public record Torznab(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String name,
            @NotNull URI url,
            @Nullable String apiKey,
            @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration timeout,
            @NotNull @DurationMin(millis = 0) @DefaultValue("1s") Duration minInterval,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration cooldown,
            @DefaultValue("true") boolean enabled) {

        /** The settings without the API key (only whether one is set). */
        @Override
        public String toString() {
            return "Torznab[name=" + name + ", url=" + url + ", apiKey=" + (apiKey == null || apiKey.isEmpty() ? "unset" : "***")
                    + ", timeout=" + timeout + ", minInterval=" + minInterval + ", cooldown=" + cooldown
                    + ", enabled=" + enabled + "]";
        }
    }

    /**
     * The EZTV API ({@code marquee.indexers.eztv.*}).
     *
     * @param mirrors API roots tried in order; a failing mirror is skipped for a while and the next one used
     * @param timeout the longest one request to one mirror may take, body included, before the next mirror is
     *     asked (a dead mirror often accepts connections and never answers)
     * @param minInterval the least time between two requests to one mirror; zero for no spacing. EZTV pages a
     *     show's torrents, so one search can be several requests
     * @param mirrorCooldown how long a failed mirror is skipped before one request probes it again
     */
    public record Eztv(
            @NotEmpty @DefaultValue({
                "https://eztvx.to/api",
                "https://eztv.wf/api",
                "https://eztv.tf/api",
                "https://eztv.yt/api"}) List<@NotNull URI> mirrors,
            @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration timeout,
            @NotNull @DurationMin(millis = 0) @DefaultValue("500ms") Duration minInterval,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration mirrorCooldown) {
    }
}
