package app.marquee.sources.eztv;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

import app.marquee.platform.ServiceMetrics;
import app.marquee.sources.IndexersProperties;

/**
 * One EZTV mirror: its API root, the spacing of requests to it and a circuit breaker that keeps searches
 * off it for {@code mirror-cooldown} after it fails. Thread-safe.
 *
 * <p>The breaker counts the last two requests and opens when all of them failed: a fresh (or just
 * recovered) mirror is dropped on its first failure, one that has been answering on its second in a row.
 * When the cooldown has passed, one request probes it; its answer closes or reopens the breaker. Cooldown
 * time comes from the injected clock, request spacing from the monotonic system timer (it is a real pause).
 */
final class EztvMirror {

    private static final Logger log = LoggerFactory.getLogger(EztvMirror.class);

    private final URI root;
    private final String base;
    private final Duration timeout;
    private final ServiceMetrics metrics;
    private final @Nullable Bucket spacing;
    private final CircuitBreaker breaker;
    private volatile @Nullable String lastError;

    EztvMirror(URI root, IndexersProperties.Eztv properties, ServiceMetrics metrics, Clock clock) {
        this.root = root;
        this.base = root.toString().replaceAll("/+$", "");
        this.timeout = properties.timeout();
        this.metrics = metrics;
        Duration interval = properties.minInterval();
        // capacity 1 refilled greedily: a token exactly `interval` after the last one was taken, never sooner
        this.spacing = interval.isZero() ? null : Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, interval).build())
                .withNanosecondPrecision()
                .build();
        this.breaker = CircuitBreaker.of("eztv " + root, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(2)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(properties.mirrorCooldown())
                .recordExceptions(Failure.class)
                .clock(clock)
                .build());
    }

    URI root() {
        return root;
    }

    /**
     * This mirror's EZTV answer to {@code pathAndQuery} (the whole JSON object).
     *
     * @throws Failure when the mirror failed (counted by its breaker) or was not asked (cooling down, or no
     *     request slot in time)
     * @throws InterruptedException when interrupted while waiting for a slot or an answer
     */
    JsonNode get(HttpClient http, String pathAndQuery) throws InterruptedException {
        if (!breaker.tryAcquirePermission()) {
            throw new Failure("skipped, cooling down after: " + lastError);
        }
        boolean asked = false;
        long started = System.nanoTime();
        try {
            if (spacing != null && !spacing.asBlocking().tryConsume(1, timeout)) {
                throw new Failure("skipped, no request slot within " + timeout);
            }
            asked = true;
            started = System.nanoTime();
            JsonNode data = send(http, URI.create(base + pathAndQuery));
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            lastError = null;
            return data;
        } catch (Failure e) {
            if (asked) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                lastError = e.getMessage();
            } else {
                breaker.releasePermission();
            }
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            breaker.releasePermission();
            throw e;
        }
    }

    MirrorHealth health() {
        MirrorHealth.State state = switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> MirrorHealth.State.COOLING_DOWN;
            case HALF_OPEN -> MirrorHealth.State.PROBING;
            default -> MirrorHealth.State.AVAILABLE;
        };
        return new MirrorHealth(root, state, lastError);
    }

    /** Forgets past failures: the mirror is asked again at once. */
    void reset() {
        breaker.reset();
        lastError = null;
    }

    private JsonNode send(HttpClient http, URI uri) throws InterruptedException {
        long started = System.nanoTime();
        boolean failed = true;
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            // the request timeout ends at the headers; this bounds the body too (a mirror can trickle forever)
            HttpResponse<String> response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            JsonNode data = answer(response);
            failed = false;
            return data;
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
            metrics.record(EztvClient.SERVICE, Duration.ofNanos(System.nanoTime() - started), failed);
        }
    }

    private JsonNode answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            JsonNode data = EztvJson.envelope(response.body());
            if (data == null) {
                throw new Failure("answered 200 with something other than the EZTV API ("
                        + response.headers().firstValue("Content-Type").orElse("no content type") + ": "
                        + EztvJson.describe(response.body()) + ")");
            }
            return data;
        }
        if (status == 429) {
            throw new Failure("answered 429: rate limited");
        }
        if (status >= 400 && status < 500) {
            // the EZTV API has no 4xx for a well-formed search: a mirror that sends one is dead or now something else
            log.warn("EZTV mirror {} answered {} to a search; counting it as a failed mirror", root, status);
            throw new Failure("answered " + status + " (a 4xx: the mirror is likely dead or moved)");
        }
        throw new Failure("answered " + status);
    }

    private static String describe(@Nullable Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    /** A mirror gave no usable answer, or was not asked; the message says why. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
