package app.marquee.sources.mirrors;

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
import java.util.function.Function;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

import app.marquee.platform.ServiceMetrics;

/**
 * One mirror of an indexer API (YTS, EZTV): its root, the spacing of requests to it and a circuit breaker that
 * keeps searches off it for a cooldown after it fails. A 200 whose body the API's {@link Reader} does not
 * recognise (dead mirrors answer parking pages) is a failure like a timeout, a 5xx or a 429. Thread-safe.
 *
 * <p>The breaker counts the last two requests and opens when all of them failed: a fresh (or just
 * recovered) mirror is dropped on its first failure, one that has been answering on its second in a row.
 * When the cooldown has passed, one request probes it; its answer closes or reopens the breaker. Cooldown
 * time comes from the injected clock, request spacing from the monotonic system timer (it is a real pause).
 */
public final class ApiMirror {

    private static final Logger log = LoggerFactory.getLogger(ApiMirror.class);

    /** Reads an API's answers. */
    public interface Reader {

        /** The answer's payload, or null when the body is not this API's answer at all. */
        @Nullable JsonNode read(String body);

        /** A short description of a body that is not an answer (an HTML page's title, a JSON error). */
        String describe(String body);

        static Reader of(Function<String, @Nullable JsonNode> read, Function<String, String> describe) {
            return new Reader() {
                @Override
                public @Nullable JsonNode read(String body) {
                    return read.apply(body);
                }

                @Override
                public String describe(String body) {
                    return describe.apply(body);
                }
            };
        }
    }

    /**
     * How to treat one API's mirrors.
     *
     * @param service the name metrics and logs use ({@code yts})
     * @param api the API's name in messages ({@code YTS})
     */
    public record Settings(String service, String api, Duration timeout, Duration minInterval, Duration cooldown) {
    }

    private final URI root;
    private final Settings settings;
    private final Reader reader;
    private final String base;
    private final Duration timeout;
    private final ServiceMetrics metrics;
    private final @Nullable Bucket spacing;
    private final CircuitBreaker breaker;
    private volatile @Nullable String lastError;

    public ApiMirror(URI root, Settings settings, Reader reader, ServiceMetrics metrics, Clock clock) {
        this.root = root;
        this.settings = settings;
        this.reader = reader;
        this.base = root.toString().replaceAll("/+$", "");
        this.timeout = settings.timeout();
        this.metrics = metrics;
        this.spacing = spacing(settings.minInterval());
        this.breaker = breaker(settings.service() + " " + root, settings.cooldown(), Failure.class, clock);
    }

    /**
     * The request spacing of one indexer endpoint: a token exactly {@code interval} after the last one was
     * taken, never sooner (capacity 1, refilled greedily); null for no spacing.
     */
    public static @Nullable Bucket spacing(Duration interval) {
        return interval.isZero() ? null : Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, interval).build())
                .withNanosecondPrecision()
                .build();
    }

    /**
     * The circuit breaker of one indexer endpoint: it counts the last two requests and opens when all of them
     * failed (a fresh endpoint is dropped on its first failure, one that has been answering on its second in a
     * row), for {@code cooldown}, then lets one probe through. Only {@code failure} counts.
     */
    public static CircuitBreaker breaker(String name, Duration cooldown, Class<? extends Throwable> failure,
            Clock clock) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(2)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(cooldown)
                .recordExceptions(failure)
                .clock(clock)
                .build());
    }

    public URI root() {
        return root;
    }

    /**
     * This mirror's answer to {@code pathAndQuery}, as the {@link Reader} reads it.
     *
     * @throws Failure when the mirror failed (counted by its breaker) or was not asked (cooling down, or no
     *     request slot in time)
     * @throws InterruptedException when interrupted while waiting for a slot or an answer
     */
    public JsonNode get(HttpClient http, String pathAndQuery) throws InterruptedException {
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

    public MirrorHealth health() {
        MirrorHealth.State state = switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> MirrorHealth.State.COOLING_DOWN;
            case HALF_OPEN -> MirrorHealth.State.PROBING;
            default -> MirrorHealth.State.AVAILABLE;
        };
        return new MirrorHealth(root, state, lastError);
    }

    /** Forgets past failures: the mirror is asked again at once. */
    public void reset() {
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
            metrics.record(settings.service(), Duration.ofNanos(System.nanoTime() - started), failed);
        }
    }

    private JsonNode answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            JsonNode data = reader.read(response.body());
            if (data == null) {
                throw new Failure("answered 200 with something other than the " + settings.api() + " API ("
                        + response.headers().firstValue("Content-Type").orElse("no content type") + ": "
                        + reader.describe(response.body()) + ")");
            }
            return data;
        }
        if (status == 429) {
            throw new Failure("answered 429: rate limited");
        }
        if (status >= 400 && status < 500) {
            // these APIs have no 4xx for a well-formed search: a mirror that sends one is dead or now something else
            log.warn("{} mirror {} answered {} to a search; counting it as a failed mirror", settings.api(), root, status);
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
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }
}
