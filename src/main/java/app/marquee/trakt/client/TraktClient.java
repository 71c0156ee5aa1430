package app.marquee.trakt.client;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import app.marquee.network.NetworkGate;
import app.marquee.network.VpnDownException;
import app.marquee.platform.ApiException;
import app.marquee.platform.ConfigurationChanged;
import app.marquee.platform.SettingsBinder;
import app.marquee.trakt.TraktProperties;

/**
 * Trakt's API v2 (headers {@code trakt-api-version: 2} and {@code trakt-api-key}): the OAuth device flow,
 * token refresh and revocation, the user's profile, scrobbles, history and the watchlist. Failures of
 * Trakt itself come back as values or as {@link TraktUnavailableException}, never as a crash of the
 * caller; without a client id and secret every call answers 503 "Trakt is not configured".
 *
 * <p>Thread-safe.
 */
@Component
public class TraktClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final JsonMapper json;
    private final NetworkGate gate;
    private final SettingsBinder binder;
    // replaced together when the trakt settings change; a call under way may still use the old ones
    private volatile TraktProperties properties;
    private volatile RestClient http;

    public TraktClient(TraktProperties properties, JsonMapper json, NetworkGate gate, SettingsBinder binder) {
        this.json = json;
        this.gate = gate;
        this.binder = binder;
        this.properties = properties;
        this.http = restClient(properties);
    }

    private RestClient restClient(TraktProperties settings) {
        return RestClient.builder()
                .baseUrl(settings.baseUrl().toString())
                // bound to the VPN when marquee.vpn.bind-metadata-apis says so
                .requestFactory(gate.requestFactory(NetworkGate.Purpose.METADATA, TIMEOUT))
                .defaultHeader("trakt-api-version", "2")
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    /** Takes the {@code marquee.trakt.*} settings afresh when they change at run time or trakt is restarted. */
    @EventListener
    void restart(ConfigurationChanged change) {
        if (change.concerns("trakt")) {
            TraktProperties fresh = binder.bind(TraktProperties.class);
            http = restClient(fresh);
            properties = fresh;
        }
    }

    /** True while the client id and secret are both set: Trakt features answer 503 otherwise. */
    public boolean isConfigured() {
        return properties.isConfigured();
    }

    /** A device code to show the user: open {@code verificationUrl} and type {@code userCode}. */
    public record DeviceCode(@JsonProperty("device_code") String deviceCode, @JsonProperty("user_code") String userCode,
            @JsonProperty("verification_url") String verificationUrl, @JsonProperty("expires_in") int expiresIn,
            int interval) {
    }

    /** OAuth tokens of a Trakt account. */
    public record Tokens(@JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken, @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("created_at") long createdAt, @Nullable String scope) {

        @Override
        public String toString() {
            return "Tokens[<redacted>, expiresIn=" + expiresIn + "]";
        }
    }

    /** Who a token belongs to. */
    public record Profile(String username, String slug) {
    }

    /** What one poll of the device token endpoint said (Trakt's documented status codes). */
    public sealed interface DevicePoll {
        record Approved(Tokens tokens) implements DevicePoll {
        }

        /** 400: the user has not approved yet. */
        record Pending() implements DevicePoll {
        }

        /** 429: polling faster than the interval. */
        record SlowDown() implements DevicePoll {
        }

        /** 404: no such device code. */
        record Invalid() implements DevicePoll {
        }

        /** 409: the code was already approved and used. */
        record AlreadyUsed() implements DevicePoll {
        }

        /** 410: the code expired before approval. */
        record Expired() implements DevicePoll {
        }

        /** 418: the user denied access. */
        record Denied() implements DevicePoll {
        }
    }

    /** How a write (scrobble, history) went. */
    public enum Delivery {
        /** Trakt took it. */
        DELIVERED,
        /** Trakt had it already (409): as good as delivered, and must not be sent again. */
        DUPLICATE,
        /** The token is not accepted (401): refresh it, then try again. */
        UNAUTHORIZED,
        /** Trakt is down, slow or limiting us (5xx, 429, no answer): try again later. */
        RETRY,
        /** Trakt refuses this item (another 4xx): sending it again cannot help. */
        REJECTED
    }

    public DeviceCode requestDeviceCode() {
        requireConfigured();
        return call(() -> http.post().uri("/oauth/device/code")
                .body(Map.of("client_id", properties.clientId()))
                .retrieve()
                .body(DeviceCode.class));
    }

    public DevicePoll pollDeviceToken(String deviceCode) {
        requireConfigured();
        return call(() -> http.post().uri("/oauth/device/token")
                .body(Map.of("code", deviceCode, "client_id", properties.clientId(),
                        "client_secret", properties.clientSecret()))
                .exchange((request, response) -> switch (response.getStatusCode().value()) {
                    case 200 -> new DevicePoll.Approved(json.readValue(response.getBody(), Tokens.class));
                    case 400 -> new DevicePoll.Pending();
                    case 404 -> new DevicePoll.Invalid();
                    case 409 -> new DevicePoll.AlreadyUsed();
                    case 410 -> new DevicePoll.Expired();
                    case 418 -> new DevicePoll.Denied();
                    case 429 -> new DevicePoll.SlowDown();
                    default -> throw new TraktUnavailableException("device token: HTTP " + response.getStatusCode());
                }));
    }

    /** New tokens for a refresh token; {@link TraktUnavailableException} when Trakt refuses or fails. */
    public Tokens refresh(String refreshToken) {
        requireConfigured();
        return call(() -> http.post().uri("/oauth/token")
                .body(Map.of("refresh_token", refreshToken, "client_id", properties.clientId(),
                        "client_secret", properties.clientSecret(), "redirect_uri", "urn:ietf:wg:oauth:2.0:oob",
                        "grant_type", "refresh_token"))
                .exchange((request, response) -> {
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return json.readValue(response.getBody(), Tokens.class);
                    }
                    throw new TraktUnavailableException("token refresh: HTTP " + response.getStatusCode());
                }));
    }

    /** Revokes a token; Trakt's answer does not matter to the caller, who forgets the token anyway. */
    public void revoke(String accessToken) {
        requireConfigured();
        call(() -> http.post().uri("/oauth/revoke")
                .body(Map.of("token", accessToken, "client_id", properties.clientId(),
                        "client_secret", properties.clientSecret()))
                .exchange((request, response) -> response.getStatusCode()));
    }

    public Profile profile(String accessToken) {
        requireConfigured();
        record User(String username, Map<String, Object> ids) {
        }
        record Settings(User user) {
        }
        Settings settings = call(() -> http.get().uri("/users/settings")
                .headers(h -> authorise(h, accessToken))
                .retrieve()
                .body(Settings.class));
        if (settings == null || settings.user() == null || !(settings.user().ids().get("slug") instanceof String slug)) {
            throw new TraktUnavailableException("users/settings: no user in the answer");
        }
        return new Profile(settings.user().username(), slug);
    }

    /** One title of a watchlist, by TMDB id: {@code movie} or {@code show}. */
    public record WatchlistItem(String type, int tmdbId) {
    }

    /**
     * The user's watchlist of {@code movies} or {@code shows}, in Trakt's rank order; titles without a TMDB id
     * are left out.
     */
    public java.util.List<WatchlistItem> watchlist(String accessToken, String kind) {
        requireConfigured();
        if (!"movies".equals(kind) && !"shows".equals(kind)) {
            throw new IllegalArgumentException("a watchlist is of movies or shows");
        }
        String type = "movies".equals(kind) ? "movie" : "show";
        tools.jackson.databind.JsonNode items = call(() -> http.get().uri("/sync/watchlist/" + kind)
                .headers(h -> authorise(h, accessToken))
                .retrieve()
                .body(tools.jackson.databind.JsonNode.class));
        java.util.List<WatchlistItem> titles = new java.util.ArrayList<>();
        if (items != null) {
            for (tools.jackson.databind.JsonNode item : items) {
                tools.jackson.databind.JsonNode tmdb = item.path(type).path("ids").path("tmdb");
                if (tmdb.isIntegralNumber() && tmdb.asInt() > 0) {
                    titles.add(new WatchlistItem(type, tmdb.asInt()));
                }
            }
        }
        return titles;
    }

    /** Posts a JSON body to a write endpoint such as {@code /scrobble/start} or {@code /sync/history}. */
    public Delivery write(String path, String accessToken, String jsonBody) {
        requireConfigured();
        try {
            return http.post().uri(path)
                    .headers(h -> authorise(h, accessToken))
                    .body(jsonBody)
                    .exchange((request, response) -> classify(response.getStatusCode()));
        } catch (ResourceAccessException | VpnDownException e) {
            return Delivery.RETRY;
        }
    }

    static Delivery classify(HttpStatusCode status) {
        int code = status.value();
        if (status.is2xxSuccessful()) {
            return Delivery.DELIVERED;
        }
        if (code == 409) {
            return Delivery.DUPLICATE;
        }
        if (code == 401) {
            return Delivery.UNAUTHORIZED;
        }
        if (code == 429 || code == 408 || status.is5xxServerError()) {
            return Delivery.RETRY;
        }
        return Delivery.REJECTED;
    }

    private void authorise(HttpHeaders headers, String accessToken) {
        headers.setBearerAuth(accessToken);
        headers.set("trakt-api-key", properties.clientId());
    }

    private void requireConfigured() {
        if (!properties.isConfigured()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Trakt is not configured",
                    "Set marquee.trakt.client-id and marquee.trakt.client-secret");
        }
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException | VpnDownException e) {
            throw new TraktUnavailableException("Trakt did not answer: " + e.getMessage(), e);
        } catch (RestClientException | JacksonException e) {
            throw new TraktUnavailableException("Trakt's answer was not what its API documents: " + e.getMessage(), e);
        }
    }
}
