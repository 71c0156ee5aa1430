package app.marquee.catalog.tmdb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.platform.Secrets;
import app.marquee.platform.ServiceMetrics;

/**
 * The wire side of the TMDB client: one GET with credentials, a timeout, the client-side rate limit,
 * retries and a circuit breaker. Thread-safe; callers block (on virtual threads) while the rate limit or
 * a {@code Retry-After} holds them back.
 *
 * <p>Order of the guards, outermost first: retry, circuit breaker, rate limit, HTTP. So every attempt is
 * counted by the breaker and waits for a token, and an open breaker fails at once without a retry.
 */
final class TmdbHttp {

    private static final Logger log = LoggerFactory.getLogger(TmdbHttp.class);
    static final String SERVICE = "tmdb";
    /** 5xx and timeouts: 3 attempts, 250 ms then 500 ms apart. */
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    /** A 429 with no (or an absurd) Retry-After waits this long; TMDB's own hint is usually 1-10 s. */
    private static final long DEFAULT_RETRY_AFTER_SECONDS = 2;
    private static final long MAX_RETRY_AFTER_SECONDS = 60;

    private final TmdbProperties properties;
    private final ServiceMetrics metrics;
    private final HttpClient http;
    private final Bucket rateLimit;
    private final CircuitBreaker breaker;
    private final Retry retry;
    /** Whether TMDB has answered 200 to this client at least once. */
    private volatile boolean answered;

    TmdbHttp(TmdbProperties properties, ServiceMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        int perSecond = properties.requestsPerSecond();
        this.rateLimit = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
        this.breaker = CircuitBreaker.of("tmdb", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(6)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(2)
                // TMDB answered: a missing id or a rate limit says nothing about an outage
                .ignoreExceptions(TmdbException.NotFound.class, TmdbException.RateLimited.class)
                .build());
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(FIRST_BACKOFF, 2.0);
        this.retry = Retry.of("tmdb", RetryConfig.<String>custom()
                .maxAttempts(MAX_ATTEMPTS)
                .retryOnException(e -> e instanceof TmdbException.Unavailable)
                // after a 429 the retry waits for the rate limiter, which the Retry-After has put in debt
                .intervalBiFunction((attempt, outcome) -> outcome.isLeft()
                        && outcome.getLeft() instanceof TmdbException.RateLimited ? 1L : backoff.apply(attempt))
                .build());
    }

    /**
     * The body of a 200 answer.
     *
     * @throws TmdbException.NotFound on 404
     * @throws TmdbException.Unavailable when TMDB stays down, slow or rate limiting through the retries, or
     *     the circuit is open
     */
    String get(TmdbRequest request) {
        Supplier<String> attempt = () -> {
            awaitRateLimit();
            return send(request);
        };
        Supplier<String> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new TmdbException.Unavailable("TMDB circuit open after repeated failures", false, e);
        }
    }

    /**
     * One call to {@code /configuration}, past the retries and the circuit breaker: whether TMDB takes these
     * settings now (a pasted token is checked at once, not after three attempts).
     *
     * @return null when TMDB answered, else why it did not (never the credentials)
     */
    @Nullable String check() {
        try {
            awaitRateLimit();
            send(TmdbRequest.of("/configuration"));
            return null;
        } catch (TmdbException.NotFound e) {
            return "TMDB answered 404 to /configuration: check marquee.tmdb.base-url";
        } catch (TmdbException e) {
            return e.getMessage();
        }
    }

    /** True once TMDB has answered a call of this client. */
    boolean answered() {
        return answered;
    }

    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    void closeCircuit() {
        breaker.reset();
    }

    private void awaitRateLimit() {
        try {
            if (!rateLimit.asBlocking().tryConsume(1, properties.timeout().plusSeconds(MAX_RETRY_AFTER_SECONDS))) {
                throw new TmdbException.Unavailable("TMDB client-side rate limit: no slot in time", true, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TmdbException.Unavailable("interrupted while waiting for the TMDB rate limit", false, e);
        }
    }

    private String send(TmdbRequest request) {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            HttpResponse<String> response = http.send(httpRequest(request), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                failed = false;
                answered = true;
                return response.body();
            }
            if (status == 404) {
                failed = false;
                throw new TmdbException.NotFound(request.path());
            }
            if (status == 401) {
                throw new TmdbException.Unavailable("TMDB refused the credentials (401): check "
                        + "marquee.tmdb.access-token or marquee.tmdb.api-key", false, null);
            }
            if (status == 429) {
                long seconds = retryAfterSeconds(response);
                holdBack(seconds);
                throw new TmdbException.RateLimited(seconds);
            }
            throw new TmdbException.Unavailable("TMDB answered " + status + " to " + request.path(), false, null);
        } catch (HttpTimeoutException e) {
            throw new TmdbException.Unavailable("TMDB did not answer " + request.path() + " within "
                    + properties.timeout(), true, e);
        } catch (IOException e) {
            throw new TmdbException.Unavailable("TMDB unreachable: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TmdbException.Unavailable("interrupted while calling TMDB", false, e);
        } finally {
            metrics.record(SERVICE, Duration.ofNanos(System.nanoTime() - started), failed);
        }
    }

    /** Puts the shared rate limiter in debt for {@code seconds}, so every caller waits, not only this one. */
    private void holdBack(long seconds) {
        // a bucket at -(seconds x rate) tokens gives its next token after `seconds`
        long target = -seconds * properties.requestsPerSecond();
        long available = rateLimit.getAvailableTokens();
        if (available > target) {
            rateLimit.consumeIgnoringRateLimits(available - target);
        }
        log.warn("TMDB answered 429: holding calls back for {} s", seconds);
    }

    private static long retryAfterSeconds(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After")
                .map(String::strip)
                .filter(v -> v.matches("\\d{1,6}"))
                .map(Long::parseLong)
                .map(s -> Math.min(Math.max(s, 1), MAX_RETRY_AFTER_SECONDS))
                .orElse(DEFAULT_RETRY_AFTER_SECONDS);
    }

    private HttpRequest httpRequest(TmdbRequest request) {
        String query = request.encodedQuery();
        if (!Secrets.isSet(properties.accessToken()) && Secrets.isSet(properties.apiKey())) {
            query = (query.isEmpty() ? "" : query + "&") + "api_key=" + properties.apiKey();
        }
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + request.path() + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header("Accept", "application/json")
                .GET();
        if (Secrets.isSet(properties.accessToken())) {
            builder.header("Authorization", "Bearer " + properties.accessToken());
        }
        return builder.build();
    }
}
