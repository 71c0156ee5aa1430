package app.marquee.catalog.tmdb;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import app.marquee.platform.Secrets;

/**
 * How Marquee reaches TMDB ({@code marquee.tmdb.*}, CONFIG.md).
 *
 * @param baseUrl the API v3 root; tests point it at a local fake
 * @param accessToken a TMDB "API read access token", sent as a Bearer token (secret)
 * @param apiKey a v3 API key, sent as a query parameter when no access token is given (secret)
 * @param requestsPerSecond the client-side rate limit; TMDB allows about 40-50 per second
 * @param cacheTtl how long a TMDB response is reused from the response cache
 * @param timeout the longest a single call may take
 * @param cacheKeyPrefix prefix of the response cache's Redis keys (several installations, or test runs,
 *     can share one Redis)
 */
@Validated
@ConfigurationProperties(prefix = "marquee.tmdb", ignoreUnknownFields = false)
public record TmdbProperties(
        @NotNull @DefaultValue("https://api.themoviedb.org/3") URI baseUrl,
        @Nullable String accessToken,
        @Nullable String apiKey,
        @Positive @DefaultValue("40") int requestsPerSecond,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("24h") Duration cacheTtl,
        @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration timeout,
        @NotBlank @DefaultValue("marquee:tmdb:") String cacheKeyPrefix) {

    /** True when TMDB can be called at all. */
    public boolean hasCredentials() {
        return Secrets.isSet(accessToken) || Secrets.isSet(apiKey);
    }

    @Override
    public String toString() {
        return "TmdbProperties[baseUrl=" + Secrets.redactUrl(baseUrl) + ", accessToken=" + Secrets.mask(accessToken)
                + ", apiKey=" + Secrets.mask(apiKey) + ", requestsPerSecond=" + requestsPerSecond
                + ", cacheTtl=" + cacheTtl + ", timeout=" + timeout + ", cacheKeyPrefix=" + cacheKeyPrefix + "]";
    }
}
