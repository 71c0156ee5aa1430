package app.marquee.sources.mirrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.marquee.platform.ServiceMetrics;
import app.marquee.support.FakeIndexer;
import app.marquee.support.MovableClock;

/**
 * The one request path of every indexer (YTS and EZTV mirrors, Torznab endpoints) against a server on
 * 127.0.0.1, for what the fake APIs of the client tests do not show: a 4xx of a JSON API, a body that trickles
 * past the timeout, a request slot that does not come in time, and a protocol's redaction of its secrets.
 */
class ApiMirrorTest {

    /** Long enough that a cold first request on a busy machine does not time out. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration COOLDOWN = Duration.ofSeconds(60);
    private static final ApiMirror.Settings SETTINGS = new ApiMirror.Settings("test", "Test", TIMEOUT, Duration.ZERO,
            COOLDOWN);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonApi API = new JsonApi("Test", ApiMirror.Reader.of(
            body -> body.startsWith("{") ? JSON.readTree(body) : null, body -> "a page"));

    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<URI> asked = new CopyOnWriteArrayList<>();
    private volatile HttpHandler answer = exchange -> FakeIndexer.send(exchange, 200, "application/json", "{\"ok\":1}");
    private final HttpServer server = start();

    @AfterEach
    void stop() {
        server.stop(0);
        http.close();
    }

    @Test
    void aJsonMirrorAnsweringA4xxIsFailedAndNotAskedWhileItCoolsDown() throws Exception {
        ApiMirror<String> mirror = mirror(SETTINGS, API);
        answer = exchange -> FakeIndexer.send(exchange, 404, "text/html", "<html>gone</html>");

        assertThatThrownBy(() -> mirror.get(http, "/list?q=1", API::read))
                .isInstanceOf(ApiMirror.Failure.class)
                .hasMessage("answered 404 (a 4xx: the mirror is likely dead or moved)");
        assertThat(asked).containsExactly(URI.create("/api/list?q=1")); // the root's trailing slash dropped
        assertThat(mirror.health().state()).isEqualTo(MirrorHealth.State.COOLING_DOWN);

        answer = exchange -> FakeIndexer.send(exchange, 200, "application/json", "{\"ok\":1}");
        assertThatThrownBy(() -> mirror.get(http, "/list?q=1", API::read))
                .hasMessage("skipped, cooling down after: answered 404 (a 4xx: the mirror is likely dead or moved)");
        assertThat(asked).hasSize(1);

        clock.advance(COOLDOWN.plusSeconds(1));
        JsonNode data = mirror.get(http, "/list?q=1", API::read);
        assertThat(data.path("ok").asInt()).isEqualTo(1);
        assertThat(mirror.health()).isEqualTo(new MirrorHealth(mirror.root(), MirrorHealth.State.AVAILABLE, null));
    }

    @Test
    void aParkingPageWithStatus200IsAFailureThatSaysWhatCameInstead() {
        ApiMirror<String> mirror = mirror(SETTINGS, API);
        answer = exchange -> FakeIndexer.send(exchange, 200, "text/html", "<html>parked</html>");

        assertThatThrownBy(() -> mirror.get(http, "/list", API::read))
                .hasMessage("answered 200 with something other than the Test API (text/html: a page)");
        assertThat(meters.get(ServiceMetrics.ERRORS).tag(ServiceMetrics.SERVICE_TAG, "test").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aBodyTricklingPastTheTimeoutIsNoAnswer() {
        ApiMirror<String> mirror = mirror(SETTINGS, API);
        answer = exchange -> {
            exchange.sendResponseHeaders(200, 0); // headers at once, then a byte now and then
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    body.write(' ');
                    body.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up
            }
        };

        long started = System.nanoTime();
        assertThatThrownBy(() -> mirror.get(http, "/list", API::read)).hasMessage("no answer within " + TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusSeconds(3));
    }

    @Test
    void noRequestSlotInTimeIsNotAskingAndNotAFailureOfTheMirror() throws Exception {
        ApiMirror<String> mirror = mirror(new ApiMirror.Settings("test", "Test", TIMEOUT, Duration.ofSeconds(10),
                COOLDOWN), API);
        mirror.get(http, "/list", API::read);

        assertThatThrownBy(() -> mirror.get(http, "/list", API::read))
                .hasMessage("skipped, no request slot within " + TIMEOUT);
        assertThat(asked).hasSize(1);
        assertThat(mirror.health().state()).isEqualTo(MirrorHealth.State.AVAILABLE);
    }

    @Test
    void theProtocolReadsErrorStatusesAndRedactsWhatIsThrownAndKeptBut429IsAlwaysRateLimiting() {
        ApiProtocol<String> keyed = new ApiProtocol<>(HttpResponse.BodyHandlers.ofString(), "text/plain") {
            @Override
            public URI uri(URI root, String request) {
                return URI.create(root + "?" + request + "&key=s3cret");
            }

            @Override
            public String refused(URI root, int status, String body) {
                return "answered " + status + " to key s3cret: " + body;
            }

            @Override
            public String redact(String text) {
                return text.replace("s3cret", "***");
            }
        };
        ApiMirror<String> mirror = mirror(SETTINGS, keyed);
        answer = exchange -> FakeIndexer.send(exchange, 401, "text/plain", "wrong key");

        assertThatThrownBy(() -> mirror.get(http, "t=search", HttpResponse::body))
                .hasMessage("answered 401 to key ***: wrong key");
        assertThat(asked).containsExactly(URI.create("/api/?t=search&key=s3cret"));
        assertThat(mirror.health().lastError()).isEqualTo("answered 401 to key ***: wrong key");

        mirror.reset();
        answer = exchange -> FakeIndexer.send(exchange, 429, "text/plain", "slow down");
        assertThatThrownBy(() -> mirror.get(http, "t=search", HttpResponse::body))
                .hasMessage("answered 429: rate limited");
    }

    private <B> ApiMirror<B> mirror(ApiMirror.Settings settings, ApiProtocol<B> protocol) {
        URI root = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
        return new ApiMirror<>(root, settings, protocol, new ServiceMetrics(meters), clock);
    }

    private HttpServer start() {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            started.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            started.createContext("/", exchange -> {
                asked.add(exchange.getRequestURI());
                answer.handle(exchange);
            });
            started.start();
            return started;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
