package app.marquee.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the OpenSubtitles REST API v1 on 127.0.0.1: {@code GET /api/v1/subtitles} by IMDb id
 * (digits) and language, {@code POST /api/v1/download} answering a link, and the linked WebVTT file. Shapes follow
 * OpenSubtitles' public documentation. Requests without the configured {@code Api-Key} get 401, without a
 * {@code User-Agent} 403, as the real API answers.
 */
public final class FakeOpenSubtitles implements AutoCloseable {

    public static final String API_KEY = "fake-opensubtitles-key";
    public static final String USER_AGENT = "Marquee-test v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One subtitle the fake offers for a movie and language. */
    public record Offered(String imdbDigits, String language, long fileId, int downloads, String release,
            String webVtt) {
    }

    private final HttpServer server;
    private final List<Offered> offered = new CopyOnWriteArrayList<>();
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger downloads = new AtomicInteger();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private FakeOpenSubtitles() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeOpenSubtitles start() {
        try {
            return new FakeOpenSubtitles();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Points {@code marquee.subtitles.opensubtitles.*} at this fake with its key and user agent. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("marquee.subtitles.opensubtitles.base-url", () -> root() + "/api/v1");
        registry.add("marquee.subtitles.opensubtitles.api-key", () -> API_KEY);
        registry.add("marquee.subtitles.opensubtitles.user-agent", () -> USER_AGENT);
    }

    public void offer(Offered subtitle) {
        offered.add(subtitle);
    }

    public int searches() {
        return searches.get();
    }

    public int downloads() {
        return downloads.get();
    }

    /** Requests refused for a missing key or user agent. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/files/")) {
                long fileId = Long.parseLong(path.substring("/files/".length()).replace(".vtt", ""));
                Offered file = offered.stream().filter(o -> o.fileId() == fileId).findFirst().orElse(null);
                send(exchange, file == null ? 404 : 200, file == null ? "" : file.webVtt(), "text/vtt");
                return;
            }
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("Api-Key"))) {
                refused.add(path + " without the API key");
                send(exchange, 401, "{\"message\":\"You cannot consume this service\",\"status\":401}", "application/json");
                return;
            }
            if (!USER_AGENT.equals(exchange.getRequestHeaders().getFirst("User-Agent"))) {
                refused.add(path + " without the user agent");
                send(exchange, 403, "{\"message\":\"Invalid user agent\",\"status\":403}", "application/json");
                return;
            }
            switch (path) {
                case "/api/v1/subtitles" -> search(exchange);
                case "/api/v1/download" -> download(exchange);
                default -> send(exchange, 404, "{\"message\":\"not found\"}", "application/json");
            }
        }
    }

    private void search(HttpExchange exchange) throws IOException {
        searches.incrementAndGet();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        List<Map<String, Object>> data = offered.stream()
                .filter(o -> o.imdbDigits().equals(query.get("imdb_id")) && o.language().equals(query.get("languages")))
                .map(o -> Map.<String, Object>of("id", Long.toString(o.fileId() * 10), "type", "subtitle",
                        "attributes", Map.of("subtitle_id", Long.toString(o.fileId() * 10), "language", o.language(),
                                "download_count", o.downloads(), "hearing_impaired", false, "release", o.release(),
                                "files", List.of(Map.of("file_id", o.fileId(), "cd_number", 1,
                                        "file_name", o.release() + ".srt")))))
                .toList();
        send(exchange, 200, JSON.writeValueAsString(Map.of("total_pages", 1, "total_count", data.size(),
                "per_page", 60, "page", 1, "data", data)), "application/json");
    }

    private void download(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        long fileId = body.path("file_id").asLong();
        if (!"webvtt".equals(body.path("sub_format").asString(""))
                || offered.stream().noneMatch(o -> o.fileId() == fileId)) {
            send(exchange, 400, "{\"message\":\"invalid file_id or sub_format\"}", "application/json");
            return;
        }
        downloads.incrementAndGet();
        send(exchange, 200, JSON.writeValueAsString(Map.of("link", root() + "/files/" + fileId + ".vtt",
                "file_name", fileId + ".vtt", "requests", downloads.get(), "remaining", 100 - downloads.get(),
                "message", "Your quota will be renewed in 23 hours")), "application/json");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
