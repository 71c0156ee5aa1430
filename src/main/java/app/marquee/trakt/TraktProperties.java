package app.marquee.trakt;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import app.marquee.platform.Secrets;

/**
 * Trakt.tv ({@code marquee.trakt.*}, CONFIG.md). Trakt features answer 503 while the client id or secret
 * is unset.
 *
 * @param baseUrl the Trakt API root; tests point it at a local fake
 * @param clientId the Trakt app's client id
 * @param clientSecret the Trakt app's client secret (secret)
 */
@Validated
@ConfigurationProperties(prefix = "marquee.trakt", ignoreUnknownFields = false)
public record TraktProperties(
        @NotNull @DefaultValue("https://api.trakt.tv") URI baseUrl,
        @Nullable String clientId,
        @Nullable String clientSecret) {

    public boolean isConfigured() {
        return Secrets.isSet(clientId) && Secrets.isSet(clientSecret);
    }

    @Override
    public String toString() {
        return "TraktProperties[baseUrl=" + Secrets.redactUrl(baseUrl) + ", clientId=" + clientId
                + ", clientSecret=" + Secrets.mask(clientSecret) + "]";
    }
}
