package app.marquee.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jspecify.annotations.Nullable;

/**
 * What the local stand-ins for indexer APIs (YTS, EZTV, Torznab) share: an HTTP server on 127.0.0.1 that logs
 * every request and can be told to misbehave as dead mirrors and indexers do ({@link Mode}); a subclass gives the
 * normal answers. Thread-safe.
 */
public abstract class FakeIndexer implements AutoCloseable {

    /** How the fake answers, set by a test. */
    public enum Mode {
        /** The subclass's normal answers. */
        RECORDED,
        /** 200 with an HTML page (a parked domain, a login form), as dead mirrors answer. */
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

    /** What a mirror whose domain lapsed serves: a registrar's parking page, with status 200. */
    protected static final String PARKING_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>This domain is for sale</title></head>
            <body><h1>This domain may be for sale</h1>
            <p>Buy this domain. The owner of this domain is offering it for sale.</p>
            <script src="/parking.js"></script></body></html>
            """;

    private static final Duration TIMEOUT_HOLD = Duration.ofSeconds(60);
    private static final String ERROR_PAGE = "<html><head><title>500 Internal Server Error</title></head><body><center>"
            + "<h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>";
    private static final String RATE_LIMITED_PAGE = "<html><head><title>Access denied | used Cloudflare to restrict"
            + " access</title></head><body><h1>Error 1015</h1><p>You are being rate limited</p></body></html>";

    private final String htmlPage;
    private final int port;
    private final List<Call> calls = new ArrayList<>();
    private volatile Mode mode = Mode.RECORDED;
    private volatile boolean closed;
    private HttpServer server;

    /** Starts listening on a free port. @param htmlPage what {@link Mode#HTML_200} answers */
    protected FakeIndexer(String htmlPage) {
        this.htmlPage = htmlPage;
        this.server = bind(0);
        this.port = server.getAddress().getPort();
        listen(server);
    }

    /** The normal answer to a request ({@link Mode#RECORDED}). */
    protected abstract void answer(HttpExchange exchange, String path, @Nullable String query) throws IOException;

    protected int port() {
        return port;
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

    public synchronized int calls() {
        return calls.size();
    }

    public synchronized List<Call> callLog() {
        return List.copyOf(calls);
    }

    /** Back to normal answers with an empty request log; a subclass also forgets what a test served. */
    public synchronized void reset() {
        mode(Mode.RECORDED);
        calls.clear();
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
                case HTML_200 -> send(exchange, 200, "text/html; charset=UTF-8", htmlPage);
                case ERROR_500 -> send(exchange, 500, "text/html; charset=UTF-8", ERROR_PAGE);
                case RATE_LIMITED_429 -> {
                    exchange.getResponseHeaders().set("Retry-After", "60");
                    send(exchange, 429, "text/html; charset=UTF-8", RATE_LIMITED_PAGE);
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

    /** Answers {@code body} as UTF-8 with this status and content type. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A query's parameters, decoded, sorted by name (as recordings are named). */
    protected static Map<String, String> parameters(@Nullable String query) {
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

    /** An IMDb id's digits ({@code tt0111161} → {@code 0111161}). */
    protected static String digits(String imdbId) {
        return imdbId.strip().replaceFirst("(?i)^tt", "");
    }
}
