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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test's HTTP client for Marquee's API on a running server: real HTTP, its own cookie jar, and headers
 * it sends with every request ({@code X-Session-Id} once it has logged in). ITs talk to the API through
 * this class, so the way a test client authenticates lives in one place.
 *
 * <p>{@code new ApiClient(port)} is logged in as a fresh user of role {@code user}: on a new database it
 * first creates the test admin through {@code /api/auth/setup}, which then creates the user.
 * {@link #anonymous(int)} is not logged in; {@link #admin(int)} is the test admin.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String ADMIN_EMAIL = "admin@marquee.test";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final AtomicInteger USERS = new AtomicInteger();

    private final URI base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String sessionId;

    /** A client logged in as a new user of role {@code user}. */
    public ApiClient(int port) {
        this(port, true);
        String email = "user" + USERS.incrementAndGet() + "-" + System.nanoTime() + "@marquee.test";
        Response created = admin(port).post("/api/auth/users",
                Map.of("email", email, "password", "user password 1", "role", "user"));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create a test user: " + created.status() + " " + created.body());
        }
        login(email, "user password 1");
    }

    private ApiClient(int port, boolean unused) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A client that has not logged in. */
    public static ApiClient anonymous(int port) {
        return new ApiClient(port, true);
    }

    /** A client logged in as the test admin, created by the first-run set-up if the database has no admin. */
    public static ApiClient admin(int port) {
        ApiClient client = anonymous(port);
        Response setup = client.post("/api/auth/setup", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        if (setup.status() != 201 && setup.status() != 404) {
            throw new IllegalStateException("set-up failed: " + setup.status() + " " + setup.body());
        }
        return client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Logs in and sends the new session's id with every later request. */
    public ApiClient login(String email, String password) {
        Response login = post("/api/auth/login", Map.of("email", email, "password", password));
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + login.status() + " " + login.body());
        }
        sessionId = login.json().path("session").asString();
        header("X-Session-Id", sessionId);
        return this;
    }

    /** The session this client last logged in to, or null. */
    public String sessionId() {
        return sessionId;
    }

    /**
     * Sends the same request {@code times} times at once, for tests of limits that must not depend on how fast
     * the machine answers one request after another.
     */
    public List<Response> concurrently(int times, java.util.function.Function<ApiClient, Response> request) {
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < times; i++) {
                answers.add(pool.submit(() -> request.apply(this)));
            }
            List<Response> responses = new java.util.ArrayList<>();
            for (var answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The cookie jar, for tests of the cookies themselves. */
    public CookieManager cookies() {
        return cookies;
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
        Map<String, String> all = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(headers);
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            all.put(extraHeaders[i], extraHeaders[i + 1]); // a request's own header replaces the client's
        }
        all.forEach(builder::header);
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
