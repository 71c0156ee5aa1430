package app.marquee.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for one EZTV API mirror's {@code get-torrents} endpoint. Nothing is recorded for EZTV
 * (fixtures/README.md), so its answers follow EZTV's public API page ({@code https://eztvx.to/api}: {@code
 * get-torrents?imdb_id=6048596&limit=30&page=1}) and the answer shape documented by the public eztv-crawler
 * project (codeit-ninja/eztv-crawler, its README and typings): {@code {"imdb_id","torrents_count","limit","page",
 * "torrents":[{"id","hash","filename","episode_url","torrent_url","magnet_url","title","imdb_id","season",
 * "episode","small_screenshot","large_screenshot","seeds","peers","date_released_unix","size_bytes"}]}}, with
 * {@code season}, {@code episode} and {@code size_bytes} as strings. {@code limit} (default 30, at most 100)
 * and {@code page} are honoured. A show nobody {@link #serve}d is answered as EZTV answers an id it does not
 * know: {@code torrents_count: 0} and no {@code torrents}. Counts and times every request.
 *
 * <p>Each instance can misbehave as dead mirrors do ({@link Mode}); a test starts several for failover.
 */
public final class FakeEztv implements AutoCloseable {

    private static final String API_ROOT = "/api";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT_HOLD = Duration.ofSeconds(60);
    private static final int DEFAULT_LIMIT = 30;
    private static final int MAX_LIMIT = 100;

    /** How the mirror answers, set by a test. */
    public enum Mode {
        /** Served answers, else EZTV's answer for an unknown show. */
        RECORDED,
        /** 200 with a domain-parking HTML page, as mirrors whose domain lapsed answer. */
        HTML_200,
        /** Accepts the request and holds it for a minute (or until the mode changes) without an answer. */
        TIMEOUT,
        /** 500 with an HTML error page. */
        ERROR_500,
        /** 429 with {@code Retry-After}, as a mirror behind Cloudflare's rate limiting. */
        RATE_LIMITED_429,
        /** Nothing listens on the port: connections are refused. */
        DEAD
    }

    /** One request it received: path with query, and when ({@link System#nanoTime()}). */
    public record Call(String request, long nanoTime) {
    }

    /**
     * A torrent for {@link #serve}. The other EZTV fields get typical values derived from these.
     *
     * @param hash the info-hash as EZTV would list it (40 hex digits; anything else tests the client's checks)
     * @param title the release title
     * @param season the season, 0 for none (EZTV writes {@code "0"})
     * @param episode the episode, 0 for none
     */
    public record Torrent(String hash, String title, int season, int episode, long sizeBytes, int seeds, int peers) {

        /** An episode of "Fake Show" in 1080p, 700 MB, 25 seeds and 5 peers. */
        public static Torrent of(String hash, int season, int episode) {
            return new Torrent(hash, String.format(Locale.ROOT, "Fake Show S%02dE%02d 1080p WEB h264-FAKE EZTV",
                    season, episode), season, episode, 700_000_000L, 25, 5);
        }
    }

    private final int port;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, List<Torrent>> served = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.RECORDED;
    private volatile boolean closed;
    private HttpServer server;

    private FakeEztv(HttpServer server) {
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    public static FakeEztv start() {
        FakeEztv fake = new FakeEztv(bind(0));
        fake.listen(fake.server);
        return fake;
    }

    /** Points {@code marquee.indexers.eztv.mirrors} at these fakes, in this order. */
    public static void register(DynamicPropertyRegistry registry, FakeEztv... mirrors) {
        registry.add("marquee.indexers.eztv.mirrors",
                () -> Arrays.stream(mirrors).map(m -> m.apiRoot().toString()).collect(Collectors.joining(",")));
    }

    /** The API root, as {@code marquee.indexers.eztv.mirrors} takes it: {@code http://127.0.0.1:port/api}. */
    public URI apiRoot() {
        return URI.create("http://127.0.0.1:" + port + API_ROOT);
    }

    /** Changes how it answers; {@link Mode#DEAD} closes the port and any other mode opens it again. */
    public synchronized void mode(Mode newMode) {
        Mode previous = mode;
        if (newMode == previous) {
            return;
        }
        mode = newMode; // first, so requests held by TIMEOUT are let go
        if (newMode == Mode.DEAD) {
            server.stop(0);
        } else if (previous == Mode.DEAD) {
            server = bind(port);
            listen(server);
        }
    }

    /**
     * From now on {@code get-torrents} for this show lists these torrents, in this order, paged.
     *
     * @param imdbId the show's IMDb id, with or without {@code tt}
     */
    public void serve(String imdbId, List<Torrent> torrents) {
        served.put(digits(imdbId), List.copyOf(torrents));
    }

    /** Back to normal: mode RECORDED, served answers and calls forgotten. */
    public synchronized void reset() {
        mode(Mode.RECORDED);
        served.clear();
        calls.clear();
    }

    public synchronized int calls() {
        return calls.size();
    }

    public synchronized List<Call> callLog() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (mode != Mode.DEAD) {
            server.stop(0);
        }
    }

    private static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private void listen(HttpServer http) {
        http.createContext("/", this::handle);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        synchronized (this) {
            calls.add(new Call(path + (query == null ? "" : "?" + query), System.nanoTime()));
        }
        try (exchange) {
            switch (mode) {
                case TIMEOUT -> hold();
                case HTML_200 -> send(exchange, 200, "text/html; charset=UTF-8", PARKING_PAGE);
                case ERROR_500 -> send(exchange, 500, "text/html; charset=UTF-8",
                        "<html><head><title>500 Internal Server Error</title></head><body><center>"
                                + "<h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>");
                case RATE_LIMITED_429 -> {
                    exchange.getResponseHeaders().set("Retry-After", "60");
                    send(exchange, 429, "text/html; charset=UTF-8",
                            "<html><head><title>Access denied | used Cloudflare to restrict access</title></head>"
                                    + "<body><h1>Error 1015</h1><p>You are being rate limited</p></body></html>");
                }
                default -> answer(exchange, path, query);
            }
        }
    }

    /** Keeps a request unanswered until the mode changes, the fake closes, or a minute has passed. */
    private void hold() {
        long until = System.nanoTime() + TIMEOUT_HOLD.toNanos();
        try {
            while (mode == Mode.TIMEOUT && !closed && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, String path, String query) throws IOException {
        if (!path.equals(API_ROOT + "/get-torrents")) {
            // Marquee only asks get-torrents; nothing is invented for other endpoints
            send(exchange, 404, "text/html; charset=UTF-8", "<html><body><h1>404 Not Found</h1></body></html>");
            return;
        }
        Map<String, String> parameters = parameters(query);
        String imdbId = digits(parameters.getOrDefault("imdb_id", ""));
        int limit = Math.clamp(integer(parameters.get("limit"), DEFAULT_LIMIT), 1, MAX_LIMIT);
        int page = Math.max(1, integer(parameters.get("page"), 1));
        List<Torrent> all = served.getOrDefault(imdbId, List.of());

        ObjectNode root = JSON.createObjectNode();
        root.put("imdb_id", imdbId);
        root.put("torrents_count", all.size());
        root.put("limit", limit);
        root.put("page", page);
        long from = (long) (page - 1) * limit;
        if (from < all.size()) {
            ArrayNode list = root.putArray("torrents");
            all.subList((int) from, (int) Math.min(all.size(), from + limit)).forEach(t -> list.add(torrent(imdbId, t)));
        }
        send(exchange, 200, "application/json", JSON.writeValueAsString(root));
    }

    private ObjectNode torrent(String imdbId, Torrent t) {
        String site = "http://127.0.0.1:" + port;
        String filename = t.title().replace(' ', '.') + ".mkv";
        String slug = t.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        int id = Math.abs(t.hash().hashCode() % 10_000_000);
        ObjectNode torrent = JSON.createObjectNode();
        torrent.put("id", id);
        torrent.put("hash", t.hash());
        torrent.put("filename", filename);
        torrent.put("episode_url", site + "/ep/" + id + "/" + slug + "/");
        torrent.put("torrent_url", site + "/torrents/" + filename + ".torrent");
        torrent.put("magnet_url", "magnet:?xt=urn:btih:" + t.hash() + "&dn="
                + URLEncoder.encode(t.title(), StandardCharsets.UTF_8) + "&tr=udp%3A%2F%2F127.0.0.1%3A9%2Fannounce");
        torrent.put("title", t.title());
        torrent.put("imdb_id", imdbId);
        torrent.put("season", Integer.toString(t.season()));
        torrent.put("episode", Integer.toString(t.episode()));
        torrent.put("small_screenshot", "//127.0.0.1:" + port + "/screenshots/" + id + "_small.jpg");
        torrent.put("large_screenshot", "//127.0.0.1:" + port + "/screenshots/" + id + ".jpg");
        torrent.put("seeds", t.seeds());
        torrent.put("peers", t.peers());
        torrent.put("date_released_unix", Instant.now().getEpochSecond());
        torrent.put("size_bytes", Long.toString(t.sizeBytes()));
        return torrent;
    }

    private static String digits(String imdbId) {
        return imdbId.startsWith("tt") ? imdbId.substring(2) : imdbId;
    }

    private static int integer(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new TreeMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                parameters.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What a mirror whose domain lapsed serves: a registrar's parking page, with status 200. */
    private static final String PARKING_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>This domain is for sale</title></head>
            <body><h1>This domain may be for sale</h1>
            <p>Buy this domain. The owner of this domain is offering it for sale.</p>
            <script src="/parking.js"></script></body></html>
            """;
}
