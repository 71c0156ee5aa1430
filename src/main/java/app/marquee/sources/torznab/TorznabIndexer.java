package app.marquee.sources.torznab;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.github.bucket4j.Bucket;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.network.NetworkGate;
import app.marquee.network.VpnDownException;
import app.marquee.platform.ServiceMetrics;
import app.marquee.platform.ServiceStatus;
import app.marquee.sources.IndexersProperties;
import app.marquee.sources.mirrors.ApiMirror;

/**
 * One Torznab endpoint of {@code marquee.indexers.torznab}: the spacing of requests to it and a circuit breaker
 * that fails searches at once for {@code cooldown} after it failed. Thread-safe; callers block (on virtual
 * threads) while the spacing holds them back.
 *
 * <p>The breaker counts the last two requests and opens when all of them failed, as YTS mirrors do: a fresh
 * endpoint is dropped on its first failure. Once the cooldown (injected clock) has passed, one request probes it.
 * Its API key is sent on every request and appears in no log line, exception or status message.
 */
public final class TorznabIndexer {

    private static final Logger log = LoggerFactory.getLogger(TorznabIndexer.class);
    private static final Pattern IMDB_ID = Pattern.compile("tt(\\d{7,10})");
    /** Newznab's Movies category; its subcategories (2040 HD...) are inside it. */
    private static final String MOVIES = "2000";
    /** Newznab's TV category. */
    private static final String TV = "5000";
    private static final String MASK = "***";

    private final String name;
    private final String service;
    private final URI url;
    private final @Nullable String apiKey;
    private final Duration timeout;
    private final NetworkGate gate;
    private final ServiceMetrics metrics;
    private final @Nullable Bucket spacing;
    private final CircuitBreaker breaker;
    private volatile @Nullable String lastError;
    /** The endpoint's caps, read on the first TV search (and again after a reset). */
    private volatile @Nullable TorznabCaps caps;

    TorznabIndexer(IndexersProperties.Torznab settings, NetworkGate gate, ServiceMetrics metrics, Clock clock) {
        this.name = settings.name();
        this.service = "torznab-" + name;
        this.url = settings.url();
        this.apiKey = settings.apiKey() == null || settings.apiKey().isBlank() ? null : settings.apiKey();
        this.timeout = settings.timeout();
        this.gate = gate;
        this.metrics = metrics;
        this.spacing = ApiMirror.spacing(settings.minInterval());
        this.breaker = ApiMirror.breaker(service, settings.cooldown(), Failure.class, clock);
    }

    /** The configured name. */
    public String name() {
        return name;
    }

    /**
     * The releases this endpoint lists for the movie with this IMDb id: {@code t=movie&imdbid=} in the Movies
     * category (2000), with extended attributes. Releases with neither an info-hash nor a magnet link, and
     * releases the indexer tags with another IMDb id, are left out. Empty when it knows none.
     *
     * @param imdbId an IMDb title id such as {@code tt0111161}
     * @throws IllegalArgumentException when {@code imdbId} is not an IMDb title id
     * @throws TorznabException when the endpoint failed, or is cooling down after failing
     * @throws VpnDownException when indexer traffic must go through the VPN and it is down
     */
    public List<TorznabResult> searchMovie(String imdbId) {
        var id = IMDB_ID.matcher(imdbId);
        if (!id.matches()) {
            throw new IllegalArgumentException("not an IMDb title id: " + imdbId);
        }
        // Newznab's movie search takes the IMDb id without its "tt" (newznab API, "movie-search"; Torznab keeps it)
        String digits = id.group(1);
        String query = "t=movie&imdbid=" + digits + "&cat=" + MOVIES + "&extended=1";
        return search(query, imdbId, digits);
    }

    /**
     * The releases this endpoint lists for an episode: {@code t=tvsearch} in the TV category (5000) by the
     * show's IMDb id, else its TVDB id, else its name, whichever the endpoint's caps say it takes, with
     * {@code season} and {@code ep} (in the text query as {@code S01E02} when it takes neither). With
     * {@code episode} null, the whole season (where packs are found). The caller checks each release's name.
     *
     * @throws TorznabException when the endpoint failed, or is cooling down after failing
     * @throws VpnDownException when indexer traffic must go through the VPN and it is down
     */
    public List<TorznabResult> searchEpisode(@Nullable String imdbId, @Nullable Integer tvdbId, String showName,
            int season, @Nullable Integer episode) {
        TorznabCaps can = caps();
        StringBuilder query = new StringBuilder("t=tvsearch&cat=" + TV + "&extended=1");
        String imdbDigits = null;
        var imdb = imdbId == null ? null : IMDB_ID.matcher(imdbId);
        if (imdb != null && imdb.matches() && can.tv("imdbid")) {
            imdbDigits = imdb.group(1);
            query.append("&imdbid=").append(imdbDigits);
        } else if (tvdbId != null && can.tv("tvdbid")) {
            query.append("&tvdbid=").append(tvdbId);
        } else {
            String text = showName + (can.tv("season") ? "" : " S%02d".formatted(season))
                    + (can.tv("ep") || episode == null ? "" : "E%02d".formatted(episode));
            query.append("&q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
        if (can.tv("season")) {
            query.append("&season=").append(season);
            if (episode != null && can.tv("ep")) {
                query.append("&ep=").append(episode);
            }
        }
        String what = "%s S%02d%s".formatted(showName, season, episode == null ? "" : "E%02d".formatted(episode));
        return search(query.toString(), what, imdbDigits);
    }

    /** The endpoint's caps; the spec's basics when they cannot be read (the search itself will tell if it is down). */
    TorznabCaps caps() {
        TorznabCaps known = caps;
        if (known != null) {
            return known;
        }
        try {
            known = request("t=caps", "caps", TorznabXml::caps);
        } catch (TorznabException e) {
            log.info("Torznab indexer {}: caps unreadable, assuming the basics: {}", name, e.getMessage());
            return TorznabCaps.BASIC;
        }
        caps = known;
        return known;
    }

    /** How it is doing, under {@code torznab-<name>}: down while cooling down after a failure. */
    ServiceStatus status() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> new ServiceStatus(ServiceStatus.State.DOWN, null, "failed: " + lastError);
            case HALF_OPEN -> new ServiceStatus(ServiceStatus.State.DEGRADED, null, "being probed after: " + lastError);
            default -> ServiceStatus.running();
        };
    }

    String service() {
        return service;
    }

    /** Forgets past failures: the endpoint is asked again at once. */
    void reset() {
        breaker.reset();
        lastError = null;
        caps = null;
    }

    /** The results of a search; an error element or a body that is not RSS is a failure of the endpoint. */
    private List<TorznabResult> search(String query, String what, @Nullable String imdbDigits) {
        return request(query, what, body -> TorznabXml.results(name, body, imdbDigits));
    }

    /** One request under the endpoint's spacing and breaker, its answer read by {@code read}. */
    private <T> T request(String query, String what, java.util.function.Function<byte[], T> read) {
        if (!breaker.tryAcquirePermission()) {
            throw new TorznabException(name, "skipped, cooling down after: " + lastError);
        }
        HttpClient http;
        try {
            http = gate.httpClient(NetworkGate.Purpose.INDEXER); // per request: may throw VpnDownException
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw e;
        }
        boolean asked = false;
        long started = System.nanoTime();
        try {
            if (spacing != null && !spacing.asBlocking().tryConsume(1, timeout)) {
                throw new Failure("skipped, no request slot within " + timeout);
            }
            asked = true;
            started = System.nanoTime();
            T results = read.apply(send(http, query));
            metrics.record(service, Duration.ofNanos(System.nanoTime() - started), false);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            lastError = null;
            return results;
        } catch (Failure | TorznabXml.Invalid e) {
            String reason = mask(e.getMessage());
            if (asked) {
                metrics.record(service, Duration.ofNanos(System.nanoTime() - started), true);
                Failure failure = new Failure(reason);
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
                lastError = reason;
            } else {
                breaker.releasePermission();
            }
            log.warn("Torznab indexer {} gave no answer to {} ({}): {}", name, what, masked(query), reason);
            throw new TorznabException(name, reason);
        } catch (InterruptedException e) {
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            throw new TorznabException(name, "interrupted");
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw e;
        }
    }

    private byte[] send(HttpClient http, String query) throws InterruptedException {
        String separator = url.getRawQuery() == null ? "?" : "&";
        String key = apiKey == null ? "" : "&apikey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + separator + query + key))
                .timeout(timeout)
                .header("Accept", "application/rss+xml, application/xml, text/xml")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request timeout ends at the headers; this bounds the body too
            return answer(call.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            throw new Failure("no answer within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new Failure("no answer within " + timeout);
            }
            if (cause instanceof IOException) {
                throw new Failure("unreachable: " + describe(cause));
            }
            throw new Failure("request failed: " + describe(cause));
        } finally {
            call.cancel(true);
        }
    }

    private static byte[] answer(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if (status == 429) {
            throw new Failure("answered 429: rate limited");
        }
        try {
            // Prowlarr answers a wrong key with 401 and a Torznab error; Jackett too, with other statuses
            TorznabXml.results("", response.body(), null);
        } catch (TorznabXml.Invalid e) {
            if (e.getMessage().startsWith("Torznab error")) {
                throw new Failure("answered " + status + ", " + e.getMessage());
            }
        }
        throw new Failure("answered " + status);
    }

    /** The endpoint's URL with this query, API key masked, for logs. */
    private String masked(String query) {
        return url + (url.getRawQuery() == null ? "?" : "&") + query + (apiKey == null ? "" : "&apikey=" + MASK);
    }

    /** The text with the API key (as is, or URL-encoded) replaced by {@code ***}. */
    private String mask(@Nullable String text) {
        if (text == null) {
            return "unknown error";
        }
        if (apiKey == null) {
            return text;
        }
        return text.replace(apiKey, MASK).replace(URLEncoder.encode(apiKey, StandardCharsets.UTF_8), MASK);
    }

    private static String describe(@Nullable Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    /** The endpoint gave no usable answer, or was not asked; the message says why. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
