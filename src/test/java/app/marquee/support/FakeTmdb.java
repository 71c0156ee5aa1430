package app.marquee.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for TMDB's v3 API that replays the recorded responses of {@code shared/fixtures/recorded/tmdb}
 * (file naming in fixtures/README.md: request path, then {@code -name-value} per query parameter sorted by
 * name, API key left out). Counts every call it receives. Answers a request it has no recording for as
 * TMDB does: 404 {@code {"status_code":34,...}}. Can be told to misbehave: 429 with {@code Retry-After},
 * 500, slow answers, or garbage.
 *
 * <p>The fixtures are found relative to the project directory ({@code ../shared/fixtures}), as on CI.
 */
public final class FakeTmdb implements AutoCloseable {

    public static final Path FIXTURES = Fixtures.folder().resolve("tmdb");
    private static final String NOT_FOUND = "{\"success\":false,\"status_code\":34,"
            + "\"status_message\":\"The resource you requested could not be found.\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How the fake answers, set by a test. */
    public enum Mode { RECORDED, ERROR_500, SLOW, GARBAGE }

    /** One request it received: path with query, and when (System.nanoTime). */
    public record Call(String request, long nanoTime) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, AtomicInteger> callsByPath = new ConcurrentHashMap<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.RECORDED);
    private final AtomicInteger rateLimitedAnswers = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private volatile Duration delay = Duration.ZERO;
    private volatile String requiredToken;
    private final List<String> authorizations = new ArrayList<>();
    private volatile boolean servesImages;

    private FakeTmdb(HttpServer server) {
        this.server = server;
    }

    public static FakeTmdb start() {
        if (!Files.isDirectory(FIXTURES)) {
            throw new IllegalStateException("TMDB recordings not found at " + FIXTURES.toAbsolutePath());
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            FakeTmdb fake = new FakeTmdb(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points an application context at this fake: {@code marquee.tmdb.base-url}, a client-side rate limit
     * high enough that no test waits on it, and the test's own data directory.
     */
    public void register(DynamicPropertyRegistry registry, Supplier<Path> dataDir) {
        registry.add("marquee.data-dir", () -> dataDir.get().toString());
        registry.add("marquee.tmdb.base-url", this::baseUrl);
        registry.add("marquee.tmdb.requests-per-second", () -> "1000");
    }

    /** What {@code marquee.tmdb.base-url} should be. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/3";
    }

    public void mode(Mode newMode) {
        mode.set(newMode);
    }

    /** Slow answers ({@link Mode#SLOW}, or every answer when set with RECORDED) take this long. */
    public void delay(Duration newDelay) {
        delay = newDelay;
    }

    /** The next {@code count} requests are answered 429 with {@code Retry-After: seconds}. */
    public void rateLimitNext(int count, int seconds) {
        retryAfterSeconds = seconds;
        rateLimitedAnswers.set(count);
    }

    /**
     * From now on only requests with {@code Authorization: Bearer <token>} are answered; others get TMDB's 401
     * {@code {"status_code":7,"status_message":"Invalid API key: You must be granted a valid key."}}.
     */
    public void requireAccessToken(String token) {
        requiredToken = token;
    }

    /** The {@code Authorization} header of each request received, in order ({@code ""} when it had none). */
    public synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /**
     * Makes the fake serve images too, for tests whose browser shows them: {@code /configuration} names this
     * fake as the image host, and every {@code /t/p/<size>/<file>} is a small generated SVG, one colour per file.
     */
    public FakeTmdb servingImages() {
        servesImages = true;
        return this;
    }

    /** Back to recorded answers, no delay, no token required, counts cleared. */
    public synchronized void reset() {
        requiredToken = null;
        authorizations.clear();
        mode.set(Mode.RECORDED);
        delay = Duration.ZERO;
        rateLimitedAnswers.set(0);
        calls.clear();
        callsByPath.clear();
    }

    public synchronized int calls() {
        return calls.size();
    }

    public synchronized List<Call> callLog() {
        return List.copyOf(calls);
    }

    /** Calls whose path (without query) is {@code path}, e.g. {@code /3/movie/105}. */
    public int calls(String path) {
        AtomicInteger count = callsByPath.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        synchronized (this) {
            calls.add(new Call(path + (query == null ? "" : "?" + query), System.nanoTime()));
            authorizations.add(authorization == null ? "" : authorization);
        }
        callsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            if (servesImages && path.startsWith("/t/p/")) {
                sendImage(exchange, path);
                return;
            }
            String token = requiredToken;
            if (token != null && !("Bearer " + token).equals(authorization)) {
                send(exchange, 401, "{\"status_code\":7,\"status_message\":\"Invalid API key: You must be granted a "
                        + "valid key.\",\"success\":false}");
                return;
            }
            if (rateLimitedAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
                send(exchange, 429, "{\"success\":false,\"status_code\":25,"
                        + "\"status_message\":\"Your request count (41) is over the allowed limit of 40.\"}");
                return;
            }
            Mode current = mode.get();
            if (current == Mode.SLOW || !delay.isZero()) {
                pause(current == Mode.SLOW && delay.isZero() ? Duration.ofSeconds(5) : delay);
            }
            switch (current) {
                case ERROR_500 -> send(exchange, 500, "{\"success\":false,\"status_code\":11,"
                        + "\"status_message\":\"Internal error: Something went wrong, contact TMDb.\"}");
                case GARBAGE -> send(exchange, 200, "<html>502 Bad Gateway</html>");
                default -> replay(exchange, path, query);
            }
        }
    }

    private void replay(HttpExchange exchange, String path, String query) throws IOException {
        Path file = recording(path, query);
        if (file == null && path.equals("/3/search/multi")) {
            send(exchange, 200, JSON.writeValueAsString(searchAnswer(query)));
            return;
        }
        if (file == null) {
            send(exchange, 404, NOT_FOUND);
            return;
        }
        JsonNode recorded = JSON.readTree(file.toFile());
        int status = recorded.path("status").asInt(200);
        String body = JSON.writeValueAsString(recorded.path("data"));
        if (servesImages && path.equals("/3/configuration")) {
            String images = "http://127.0.0.1:" + server.getAddress().getPort() + "/t/p/";
            body = body.replace("http://image.tmdb.org/t/p/", images).replace("https://image.tmdb.org/t/p/", images);
        }
        send(exchange, status, body);
    }

    /** The recording of a request, or null. {@code movie/changes} dates are recorded as YYYY-MM-DD. */
    private static Path recording(String path, String query) {
        Map<String, String> parameters = new TreeMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!name.equals("api_key")) {
                    parameters.put(name, path.endsWith("/changes") && name.endsWith("_date") ? "YYYY-MM-DD" : value);
                }
            }
        }
        StringBuilder name = new StringBuilder(path.substring(1));
        parameters.forEach((key, value) -> name.append('-').append(key).append('-').append(value));
        name.append(".json");
        if (name.indexOf("..") >= 0) {
            return null;
        }
        Path file = FIXTURES.resolve(name.toString());
        return Files.isRegularFile(file) ? file : null;
    }

    /**
     * Nothing is recorded for TMDB search: the answer is made from the recorded discover pages, the titles whose
     * title (movies) or name (shows) contains the query, with the {@code media_type} that search adds.
     */
    private static Map<String, Object> searchAnswer(String query) throws IOException {
        String needle = "";
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("query=")) {
                needle = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
            }
        }
        List<Object> results = new ArrayList<>();
        for (String kind : List.of("movie", "tv")) {
            try (var files = Files.list(FIXTURES.resolve("3/discover"))) {
                for (Path page : files.filter(f -> f.getFileName().toString().startsWith(kind + "-")).sorted().toList()) {
                    for (JsonNode result : JSON.readTree(page.toFile()).path("data").path("results")) {
                        String title = result.path(kind.equals("movie") ? "title" : "name").asString("");
                        if (!needle.isEmpty() && title.toLowerCase(java.util.Locale.ROOT).contains(needle)) {
                            Map<String, Object> entry = JSON.convertValue(result, Map.class);
                            entry.put("media_type", kind);
                            results.add(entry);
                        }
                    }
                }
            }
        }
        return Map.of("page", 1, "total_pages", 1, "total_results", results.size(), "results", results);
    }

    private static void sendImage(HttpExchange exchange, String path) throws IOException {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "");
        int hue = Math.floorMod(name.hashCode(), 360);
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='500' height='750' viewBox='0 0 500 750'>"
                + "<rect width='500' height='750' fill='hsl(" + hue + ",55%,35%)'/>"
                + "<circle cx='250' cy='300' r='120' fill='hsl(" + (hue + 40) % 360 + ",60%,60%)'/></svg>";
        byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "image/svg+xml");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
