package app.marquee.playback;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * External subtitles ({@code marquee.subtitles.*}, CONFIG.md).
 *
 * @param opensubtitles the OpenSubtitles REST API
 */
@Validated
@ConfigurationProperties(prefix = "marquee.subtitles", ignoreUnknownFields = false)
public record SubtitlesProperties(@Valid @NotNull @DefaultValue OpenSubtitles opensubtitles) {

    /**
     * @param baseUrl the API root
     * @param apiKey the consumer's API key (a secret: never logged nor returned); unset turns the feature off
     * @param userAgent the application name registered with OpenSubtitles, sent with every request
     */
    public record OpenSubtitles(@NotNull @DefaultValue("https://api.opensubtitles.com/api/v1") URI baseUrl,
            @Nullable String apiKey, @NotBlank @DefaultValue("Marquee v1.0") String userAgent) {

        public boolean isConfigured() {
            return apiKey != null && !apiKey.isBlank();
        }

        @Override
        public String toString() {
            return "OpenSubtitles[baseUrl=" + baseUrl + ", apiKey=" + (isConfigured() ? "<set>" : "<unset>")
                    + ", userAgent=" + userAgent + "]";
        }
    }
}
