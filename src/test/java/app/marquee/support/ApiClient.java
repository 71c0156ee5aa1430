package app.marquee.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test's HTTP client for Marquee's API on a running server: real HTTP, its own cookie jar, and headers
 * it sends with every request (such as {@code X-Session-Id} once it has logged in). ITs talk to the API
 * through this class, so the way a test client authenticates lives in one place.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Sends this header with every later request (or stops sending it when {@code value} is null). */
    public ApiClient header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public Response get(String path, String... extraHeaders) {
        return send(builder(path, extraHeaders).GET());
    }

    public Response post(String path, Object body, String... extraHeaders) {
        return send(builder(path, extraHeaders).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response put(String path, Object body, String... extraHeaders) {
        return send(builder(path, extraHeaders).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response delete(String path, String... extraHeaders) {
        return send(builder(path, extraHeaders).DELETE());
    }

    /** For requests this class has no shortcut for. */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, String... extraHeaders) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        if (extraHeaders.length > 0) {
            builder.headers(extraHeaders);
        }
        return builder;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    /** A response with its body read as text, and as JSON on demand. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
