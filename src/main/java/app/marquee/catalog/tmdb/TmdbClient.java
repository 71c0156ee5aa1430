package app.marquee.catalog.tmdb;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import app.marquee.catalog.tmdb.TmdbData.Kind;
import app.marquee.platform.ServiceMetrics;

/**
 * The TMDB v3 API as Marquee uses it. Title data (details, seasons, genres, configuration) is read through
 * the 24 h response cache unless {@link Read#FRESH} is asked for; list pages and changes are always read
 * from TMDB, since refreshing them is their point. Thread-safe.
 *
 * <p>Every method throws {@link TmdbException.NotFound} when TMDB does not know the resource and
 * {@link TmdbException.Unavailable} when it cannot be asked now (see {@link TmdbHttp}).
 */
@Component
public final class TmdbClient {

    /** Whether a read may be answered by the response cache. */
    public enum Read {
        /** Cache first; TMDB on a miss. */
        CACHED,
        /** TMDB, then the cache is refreshed with the answer (the sync tasks' way). */
        FRESH
    }

    private static final Logger log = LoggerFactory.getLogger(TmdbClient.class);
    private static final String EN = "en";

    private volatile TmdbHttp http;
    private final ServiceMetrics metrics;
    private final TmdbResponseCache cache;

    @Autowired
    TmdbClient(TmdbProperties properties, ServiceMetrics metrics, TmdbResponseCache cache) {
        this(new TmdbHttp(properties, metrics), metrics, cache);
        if (!properties.hasCredentials() && "api.themoviedb.org".equals(properties.baseUrl().getHost())) {
            log.warn("marquee.tmdb.access-token and marquee.tmdb.api-key are unset: TMDB will refuse every call, "
                    + "so only titles already stored can be served");
        }
    }

    TmdbClient(TmdbHttp http, ServiceMetrics metrics, TmdbResponseCache cache) {
        this.http = http;
        this.metrics = metrics;
        this.cache = cache;
    }

    /** {@code /movie/{id}} with its translations and images, in English. */
    public TmdbData.Movie movie(int tmdbId, Read read) {
        return get(TmdbRequest.of("/movie/" + tmdbId, Map.of("append_to_response", "translations,images", "language", EN)),
                read, TmdbJson::movie);
    }

    /** {@code /tv/{id}} with its external ids (IMDb, TVDB) and translations, in English. */
    public TmdbData.Show show(int tmdbId, Read read) {
        return get(TmdbRequest.of("/tv/" + tmdbId, Map.of("append_to_response", "external_ids,translations", "language", EN)),
                read, TmdbJson::show);
    }

    /** {@code /tv/{id}/season/{n}} with its episodes, in English. */
    public TmdbData.Season season(int showTmdbId, int seasonNumber, Read read) {
        String path = "/tv/" + showTmdbId + "/season/" + seasonNumber;
        return get(TmdbRequest.of(path, Map.of("language", EN)), read, n -> TmdbJson.season(n, path));
    }

    /** The genre names of one kind in {@code language} ({@code /genre/movie/list}, {@code /genre/tv/list}). */
    public List<TmdbData.Genre> genres(Kind kind, String language, Read read) {
        return get(TmdbRequest.of("/genre/" + kind.path() + "/list", Map.of("language", language)), read,
                n -> TmdbJson.genres(n.path("genres")));
    }

    /** {@code /configuration}: where images are served from. */
    public TmdbData.ImageConfiguration configuration(Read read) {
        return get(TmdbRequest.of("/configuration"), read, TmdbJson::configuration);
    }

    /**
     * One page of a TMDB list endpoint, never from the cache.
     *
     * @param source the request of a list without language and page, e.g. {@code /movie/top_rated} or
     *     {@code /discover/movie?sort_by=popularity.desc}
     * @param kind what the list holds when its entries do not say (trending/all entries do)
     */
    public TmdbData.Page<TmdbData.ListEntry> listPage(String source, Kind kind, int page) {
        Map<String, String> query = new LinkedHashMap<>();
        String path = source;
        int q = source.indexOf('?');
        if (q >= 0) {
            path = source.substring(0, q);
            for (String pair : source.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        query.put("language", EN);
        query.put("page", Integer.toString(page));
        return uncached(TmdbRequest.of(path, query), n -> TmdbJson.listPage(n, kind));
    }

    /**
     * The first page of TMDB's {@code /search/multi} for {@code query}: movies and shows (people left out),
     * through the response cache like any read.
     */
    public TmdbData.Page<TmdbData.ListEntry> search(String query, Read read) {
        return get(TmdbRequest.of("/search/multi", Map.of("query", query, "include_adult", "false", "language", EN,
                "page", "1")), read, n -> TmdbJson.listPage(n, Kind.MOVIE));
    }

    /** One page of the ids of movies changed between two days ({@code /movie/changes}), never from the cache. */
    public TmdbData.Page<Integer> changedMovies(LocalDate start, LocalDate end, int page) {
        return uncached(TmdbRequest.of("/movie/changes", Map.of("start_date", start.toString(), "end_date", end.toString(),
                "language", EN, "page", Integer.toString(page))), TmdbJson::changes);
    }

    /** True while the circuit breaker lets calls through (closed or probing), false while TMDB is held off. */
    public boolean available() {
        return http.circuitState() != CircuitBreaker.State.OPEN;
    }

    /**
     * Starts afresh, as {@code POST /api/config/tmdb/restart} will: closes the circuit breaker so the next
     * call reaches TMDB at once, whatever the recent failures.
     */
    public void restart() {
        http.closeCircuit();
    }

    /**
     * Takes new settings (credentials, endpoint, rate limit, timeout) for every later call, with a fresh
     * circuit breaker; calls under way finish with the old ones. The response cache is kept: its answers do
     * not depend on the credentials.
     *
     * @return null when one call to {@code /configuration} with the new settings succeeded, else why it failed
     */
    @Nullable String reconfigure(TmdbProperties properties) {
        TmdbHttp fresh = new TmdbHttp(properties, metrics);
        http = fresh;
        return properties.hasCredentials() ? fresh.check() : null;
    }

    /** True once TMDB has answered a call made with the current settings. */
    boolean answeredSinceReconfigured() {
        return http.answered();
    }

    /** Drops every cached response. */
    public void clearCache() {
        cache.clear();
    }

    /** Lists and changes go stale within the hour: never cached, so a refresh always sees TMDB's today. */
    private <T> T uncached(TmdbRequest request, Function<JsonNode, T> parser) {
        return parser.apply(TmdbJson.parse(http.get(request), request.key()));
    }

    private <T> T get(TmdbRequest request, Read read, Function<JsonNode, T> parser) {
        String key = request.key();
        if (read == Read.CACHED) {
            Optional<String> cached = cache.get(key);
            if (cached.isPresent()) {
                return parser.apply(TmdbJson.parse(cached.get(), key));
            }
        }
        String body = http.get(request);
        T result = parser.apply(TmdbJson.parse(body, key));
        cache.put(key, body); // only answers that parsed
        return result;
    }
}
