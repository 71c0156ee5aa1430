package app.marquee.playback.opensubtitles;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import app.marquee.network.NetworkGate;
import app.marquee.platform.ServiceMetrics;
import app.marquee.platform.ServiceStatus;
import app.marquee.playback.SubtitlesProperties;
import tools.jackson.databind.JsonNode;

/**
 * OpenSubtitles' REST API (v1): {@code GET /subtitles} by IMDb id and language, {@code POST /download} for a
 * file's link, then the file itself, asked for as WebVTT. Every request carries the {@code Api-Key} and the
 * registered {@code User-Agent}; the key is never logged. Calls are bound to the VPN like TMDB's.
 */
@Component
public class OpenSubtitlesClient implements ServiceStatus.Reporter {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SERVICE = "opensubtitles";

    private final SubtitlesProperties.OpenSubtitles properties;
    private final RestClient http;
    private final ServiceMetrics metrics;

    /** A subtitle file OpenSubtitles offers. */
    public record Found(long fileId, String language, @Nullable String release, int downloads,
            boolean hearingImpaired) {
    }

    /** OpenSubtitles could not be asked, or answered with an error. */
    public static final class OpenSubtitlesException extends RuntimeException {
        OpenSubtitlesException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    public OpenSubtitlesClient(SubtitlesProperties properties, NetworkGate gate, ServiceMetrics metrics) {
        this.properties = properties.opensubtitles();
        this.metrics = metrics;
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(this.properties.baseUrl().toString())
                .requestFactory(gate.requestFactory(NetworkGate.Purpose.METADATA, TIMEOUT))
                .defaultHeader(HttpHeaders.USER_AGENT, this.properties.userAgent())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        if (this.properties.isConfigured()) {
            builder.defaultHeader("Api-Key", this.properties.apiKey());
        }
        this.http = builder.build();
    }

    public boolean isConfigured() {
        return properties.isConfigured();
    }

    /**
     * Subtitles of a movie in one language, most downloaded first.
     *
     * @param imdbId {@code tt0088763}
     * @param language ISO 639-1 ({@code en}, {@code pt-br})
     */
    public List<Found> search(String imdbId, String language) {
        String digits = imdbId.toLowerCase(Locale.ROOT).replaceFirst("^tt", "");
        JsonNode answer = call(() -> http.get()
                .uri(uri -> uri.path("/subtitles").queryParam("imdb_id", digits)
                        .queryParam("languages", language.toLowerCase(Locale.ROOT)).build())
                .retrieve().body(JsonNode.class));
        List<Found> found = new ArrayList<>();
        for (JsonNode item : answer.path("data")) {
            JsonNode attributes = item.path("attributes");
            for (JsonNode file : attributes.path("files")) {
                found.add(new Found(file.path("file_id").asLong(), attributes.path("language").asString(language),
                        attributes.path("release").isString() ? attributes.path("release").asString() : null,
                        attributes.path("download_count").asInt(0), attributes.path("hearing_impaired").asBoolean(false)));
            }
        }
        found.sort((a, b) -> Integer.compare(b.downloads(), a.downloads()));
        return found;
    }

    /** A subtitle file as WebVTT text. */
    public String downloadWebVtt(long fileId) {
        JsonNode link = call(() -> http.post().uri("/download").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("file_id", fileId, "sub_format", "webvtt")).retrieve().body(JsonNode.class));
        String url = link.path("link").asString("");
        if (url.isBlank()) {
            throw new OpenSubtitlesException("OpenSubtitles gave no download link for file " + fileId, null);
        }
        String text = call(() -> http.get().uri(URI.create(url)).accept(MediaType.ALL).retrieve().body(String.class));
        if (text == null || !text.stripLeading().startsWith("WEBVTT")) {
            throw new OpenSubtitlesException("OpenSubtitles' file " + fileId + " is not WebVTT", null);
        }
        return text;
    }

    private <T> T call(java.util.function.Supplier<@Nullable T> request) {
        if (!isConfigured()) {
            throw new OpenSubtitlesException("marquee.subtitles.opensubtitles.api-key is not set", null);
        }
        long started = System.nanoTime();
        boolean failed = true;
        try {
            T answer = request.get();
            if (answer == null) {
                throw new OpenSubtitlesException("OpenSubtitles answered nothing", null);
            }
            failed = false;
            return answer;
        } catch (RestClientException e) {
            throw new OpenSubtitlesException("OpenSubtitles failed: " + e.getMessage(), e);
        } finally {
            metrics.record(SERVICE, Duration.ofNanos(System.nanoTime() - started), failed);
        }
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ServiceStatus status() {
        return isConfigured() ? ServiceStatus.running()
                : ServiceStatus.needsConfiguration("marquee.subtitles.opensubtitles.api-key");
    }
}
