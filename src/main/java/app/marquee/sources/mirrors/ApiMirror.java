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

import tools.jackson.databind.JsonNode;

import app.marquee.platform.ServiceMetrics;

/**
 * One mirror of an indexer API (a YTS or EZTV mirror, a Torznab endpoint): its root, the spacing of requests
 * to it and a circuit breaker that keeps searches off it for a cooldown after it fails. This is the one way an
 * indexer's HTTP request is made, timed and classified: a timeout (the body included), a refused connection,
 * a 429, an error status as the {@link ApiProtocol} reads it, and a 200 that the request's reader does not
 * take as an answer (dead mirrors answer parking pages) are all failures. Thread-safe.
 *
 * <p>The breaker counts the last two requests and opens when all of them failed: a fresh (or just
 * recovered) mirror is dropped on its first failure, one that has been answering on its second in a row.
 * When the cooldown has passed, one request probes it; its answer closes or reopens the breaker. Cooldown
 * time comes from the injected clock, request spacing from the monotonic system timer (it is a real pause).
 *
 * @param <B> what the body of an answer is read as ({@link ApiProtocol#bodyHandler()})
 */
public final class ApiMirror<B> {

    /** Reads a JSON API's answers. */
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
     * @param service the name metrics and logs use ({@code yts}, {@code torznab-<name>})
     * @param api the API's name in messages ({@code YTS})
     */
    public record Settings(String service, String api, Duration timeout, Duration minInterval, Duration cooldown) {
    }

    private final URI root;
    private final Settings settings;
    private final ApiProtocol<B> protocol;
    private final Duration timeout;
    private final ServiceMetrics metrics;
    private final @Nullable Bucket spacing;
    private final CircuitBreaker breaker;
    private volatile @Nullable String lastError;

    public ApiMirror(URI root, Settings settings, ApiProtocol<B> protocol, ServiceMetrics metrics, Clock clock) {
        this.root = root;
        this.settings = settings;
        this.protocol = protocol;
        this.timeout = settings.timeout();
        this.metrics = metrics;
        this.spacing = spacing(settings.minInterval());
        this.breaker = breaker(settings.service() + " " + root, settings.cooldown(), clock);
    }

    /**
     * The request spacing: a token exactly {@code interval} after the last one was taken, never sooner
     * (capacity 1, refilled greedily); null for no spacing.
     */
    private static @Nullable Bucket spacing(Duration interval) {
        return interval.isZero() ? null : Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, interval).build())
                .withNanosecondPrecision()
                .build();
    }

    /** The breaker: open for {@code cooldown} once the last two requests failed, then one probe. */
    private static CircuitBreaker breaker(String name, Duration cooldown, Clock clock) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(2)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(cooldown)
                .recordExceptions(Failure.class)
                .clock(clock)
                .build());
    }

    public URI root() {
        return root;
    }

    /**
     * This mirror's answer to {@code request}, as {@code read} reads a 200.
     *
     * @param read reads a 200; throws {@link Failure} when its body is not the answer asked for
     * @throws Failure when the mirror failed (counted by its breaker) or was not asked (cooling down, or no
     *     request slot in time); its message is redacted by the protocol
     * @throws InterruptedException when interrupted while waiting for a slot or an answer
     */
    public <T> T get(HttpClient http, String request, Function<HttpResponse<B>, T> read) throws InterruptedException {
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
            T answer = send(http, protocol.uri(root, request), read);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            lastError = null;
            return answer;
        } catch (Failure e) {
            Failure failure = redacted(e);
            if (asked) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
                lastError = failure.getMessage();
            } else {
                breaker.releasePermission();
            }
            throw failure;
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

    private <T> T send(HttpClient http, URI uri, Function<HttpResponse<B>, T> read) throws InterruptedException {
        long started = System.nanoTime();
        boolean failed = true;
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", protocol.accept())
                .GET()
                .build();
        CompletableFuture<HttpResponse<B>> call = http.sendAsync(request, protocol.bodyHandler());
        try {
            // the request timeout ends at the headers; this bounds the body too (a mirror can trickle forever)
            HttpResponse<B> response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            T answer = answer(response, read);
            failed = false;
            return answer;
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

    private <T> T answer(HttpResponse<B> response, Function<HttpResponse<B>, T> read) {
        int status = response.statusCode();
        if (status == 200) {
            return read.apply(response);
        }
        if (status == 429) {
            throw new Failure("answered 429: rate limited");
        }
        throw new Failure(protocol.refused(root, status, response.body()));
    }

    private Failure redacted(Failure e) {
        String message = protocol.redact(e.getMessage());
        return message.equals(e.getMessage()) ? e : new Failure(message);
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
