package app.marquee.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Trakt's API v2 on 127.0.0.1. Shapes and status codes follow Trakt's public API
 * documentation (trakt.docs.apiary.io: "Authentication - Devices", "OAuth" token refresh and revoke,
 * "Users / settings", "Scrobble", "Sync / history"); the device-code answer replays
 * {@code fixtures/recorded/trakt/post-oauth/device/code.json} with a fresh code per request.
 *
 * <p>A test scripts each device code's polls ({@link #script}), decides who approves it ({@link #approveAs}),
 * can take the API down ({@link #down}) and reads what was received.
 */
public final class FakeTrakt implements AutoCloseable {

    public static final String CLIENT_ID = "fake-trakt-client-id";
    public static final String CLIENT_SECRET = "fake-trakt-client-secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, String[]> approvals = new ConcurrentHashMap<>();
    /** live access token -> {slug, username}; refresh token -> the same */
    private final Map<String, String[]> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String[]> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> revoked = Collections.synchronizedList(new ArrayList<>());
    private final List<String> badHeaders = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refreshes = new AtomicInteger();
    /** slug -> {movie tmdb ids, show tmdb ids} */
    private final Map<String, List<List<Integer>>> watchlists = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile boolean duplicateWrites;
    private volatile long tokenLifetimeSeconds = 7_776_000;

    public FakeTrakt() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The statuses the next polls of this device code get, in order; 200 approves. Once used up: 400. */
    public void script(String deviceCode, int... statuses) {
        Deque<Integer> script = new ArrayDeque<>();
        for (int status : statuses) {
            script.add(status);
        }
        scripts.put(deviceCode, script);
    }

    /** The Trakt user who approves this device code. */
    public void approveAs(String deviceCode, String slug, String username) {
        approvals.put(deviceCode, new String[] {slug, username});
    }

    /** The watchlist Trakt gives for this user ("Sync / Get watchlist"). */
    public void watchlist(String slug, List<Integer> movies, List<Integer> shows) {
        watchlists.put(slug, List.of(movies, shows));
    }

    /** While down, every authenticated write answers 503. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Writes answer 409, as Trakt does for an item it scrobbled a moment ago. */
    public void duplicateWrites(boolean duplicate) {
        this.duplicateWrites = duplicate;
    }

    public void tokenLifetime(long seconds) {
        this.tokenLifetimeSeconds = seconds;
    }

    /** Every write received while up, as "endpoint body". */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    public List<String> revoked() {
        return List.copyOf(revoked);
    }

    public int refreshes() {
        return refreshes.get();
    }

    /** Requests that lacked {@code trakt-api-version: 2} or (when authenticated) the right {@code trakt-api-key}. */
    public List<String> badHeaders() {
        return List.copyOf(badHeaders);
    }

    public boolean isAccessTokenLive(String token) {
        return accessTokens.containsKey(token);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = read(exchange.getRequestBody());
            if (!"2".equals(exchange.getRequestHeaders().getFirst("trakt-api-version"))) {
                badHeaders.add(path + " without trakt-api-version: 2");
            }
            switch (path) {
                case "/oauth/device/code" -> deviceCode(exchange, body);
                case "/oauth/device/token" -> deviceToken(exchange, body);
                case "/oauth/token" -> refresh(exchange, body);
                case "/oauth/revoke" -> {
                    revoked.add(JSON.readTree(body).path("token").asString());
                    accessTokens.remove(JSON.readTree(body).path("token").asString());
                    send(exchange, 200, "");
                }
                case "/users/settings" -> settings(exchange);
                case "/sync/watchlist/movies", "/sync/watchlist/shows" -> watchlistOf(exchange, path.endsWith("movies"));
                case "/scrobble/start", "/scrobble/pause", "/scrobble/stop", "/sync/history" -> write(exchange, path, body);
                default -> send(exchange, 404, "{\"error\":\"not found\"}");
            }
        }
    }

    private void deviceCode(HttpExchange exchange, String body) throws IOException {
        if (!CLIENT_ID.equals(JSON.readTree(body).path("client_id").asString())) {
            send(exchange, 401, "");
            return;
        }
        ObjectNode answer = (ObjectNode) Fixtures.read("trakt/post-oauth/device/code.json").path("data").deepCopy();
        int n = sequence.incrementAndGet();
        answer.put("device_code", "%064x".formatted(n + 0xabcdefL));
        answer.put("user_code", "CODE%04d".formatted(n));
        send(exchange, 200, JSON.writeValueAsString(answer));
    }

    private void deviceToken(HttpExchange exchange, String body) throws IOException {
        JsonNode request = JSON.readTree(body);
        if (!CLIENT_ID.equals(request.path("client_id").asString())
                || !CLIENT_SECRET.equals(request.path("client_secret").asString())) {
            send(exchange, 401, "");
            return;
        }
        String code = request.path("code").asString();
        Deque<Integer> script = scripts.get(code);
        if (script == null) {
            send(exchange, 404, "");
            return;
        }
        Integer status = script.poll();
        if (status == null) {
            status = 400;
        }
        if (status == 200) {
            script.clear();
            script.add(409); // a device code gives its tokens once
            send(exchange, 200, tokens(approvals.getOrDefault(code, new String[] {"someone", "Someone"})));
            return;
        }
        send(exchange, status, "");
    }

    private void refresh(HttpExchange exchange, String body) throws IOException {
        JsonNode request = JSON.readTree(body);
        String[] owner = refreshTokens.remove(request.path("refresh_token").asString());
        if (owner == null || !"refresh_token".equals(request.path("grant_type").asString())
                || !CLIENT_SECRET.equals(request.path("client_secret").asString())) {
            send(exchange, 401, "{\"error\":\"invalid_grant\"}");
            return;
        }
        refreshes.incrementAndGet();
        accessTokens.values().removeIf(o -> o == owner);
        send(exchange, 200, tokens(owner));
    }

    private void settings(HttpExchange exchange) throws IOException {
        String[] owner = owner(exchange);
        if (owner == null) {
            send(exchange, 401, "");
            return;
        }
        send(exchange, 200, JSON.writeValueAsString(Map.of("user", Map.of("username", owner[1], "private", false,
                "name", owner[1], "vip", false, "ids", Map.of("slug", owner[0])))));
    }

    private void watchlistOf(HttpExchange exchange, boolean movies) throws IOException {
        String[] owner = owner(exchange);
        if (owner == null) {
            send(exchange, 401, "");
            return;
        }
        List<Integer> ids = watchlists.getOrDefault(owner[0], List.of(List.of(), List.of())).get(movies ? 0 : 1);
        String type = movies ? "movie" : "show";
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            items.add(Map.of("rank", i + 1, "id", 1000 + i, "listed_at", Instant.now().toString(), "type", type,
                    type, Map.of("title", "Title " + ids.get(i), "year", 2020,
                            "ids", Map.of("trakt", 5000 + i, "slug", "title-" + ids.get(i), "tmdb", ids.get(i)))));
        }
        send(exchange, 200, JSON.writeValueAsString(items));
    }

    private void write(HttpExchange exchange, String path, String body) throws IOException {
        if (down) {
            send(exchange, 503, "");
            return;
        }
        if (owner(exchange) == null) {
            send(exchange, 401, "");
            return;
        }
        if (duplicateWrites) {
            send(exchange, 409, "{\"watched_at\":\"" + Instant.now() + "\"}");
            return;
        }
        writes.add(path + " " + body);
        send(exchange, 201, "{\"id\":" + writes.size() + "}");
    }

    private String[] owner(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!CLIENT_ID.equals(exchange.getRequestHeaders().getFirst("trakt-api-key"))) {
            badHeaders.add(exchange.getRequestURI().getPath() + " without the right trakt-api-key");
        }
        return auth == null || !auth.startsWith("Bearer ") ? null : accessTokens.get(auth.substring(7));
    }

    private String tokens(String[] owner) {
        int n = sequence.incrementAndGet();
        String access = "fake-access-token-" + n;
        String refresh = "fake-refresh-token-" + n;
        accessTokens.put(access, owner);
        refreshTokens.put(refresh, owner);
        return JSON.writeValueAsString(Map.of("access_token", access, "token_type", "bearer",
                "expires_in", tokenLifetimeSeconds, "refresh_token", refresh, "scope", "public",
                "created_at", Instant.now().getEpochSecond()));
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
