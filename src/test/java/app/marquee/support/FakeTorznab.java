package app.marquee.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for one Torznab endpoint, as Prowlarr serves one per indexer at {@code /<id>/api}. Nothing
 * is recorded for Torznab (fixtures/README.md), so the answers follow the Torznab 1.3 spec
 * (torznab.github.io/spec-1.3-draft: {@code t=caps}, {@code t=movie}, the {@code torznab:attr} names and the
 * error codes) in the shape Prowlarr writes them (its {@code NewznabResults} RSS: {@code title}, {@code guid},
 * {@code prowlarrindexer}, {@code pubDate}, {@code size}, a {@code link} and {@code enclosure} to its download
 * proxy carrying the API key, then {@code category}, {@code imdb}, {@code seeders}, {@code grabs},
 * {@code peers}, {@code infohash}, {@code magneturl} and the volume factors as attributes).
 *
 * <p>A request without the right {@code apikey} gets {@code <error code="100" description="Invalid API Key"/>}
 * with status 401, as Prowlarr answers it (Jackett gives the same error element). A {@code t=movie} search
 * for an IMDb id nobody {@link #serve}d is an empty channel; {@code imdbid} is matched with or without
 * {@code tt}, as Prowlarr accepts both. Counts every request.
 */
public final class FakeTorznab implements AutoCloseable {

    private static final String API_PATH = "/1/api";
    private static final Duration TIMEOUT_HOLD = Duration.ofSeconds(60);
    private static final String PUB_DATE = DateTimeFormatter.RFC_1123_DATE_TIME
            .format(ZonedDateTime.of(2024, 3, 14, 10, 0, 0, 0, ZoneOffset.UTC));

    /** How it answers, set by a test. */
    public enum Mode {
        /** Torznab answers, as above. */
        RECORDED,
        /** 500 with an HTML error page. */
        ERROR_500,
        /** Accepts the request and holds it for a minute (or until the mode changes) without an answer. */
        TIMEOUT,
        /** 200 with an HTML page, as a reverse proxy's login page answers. */
        HTML_200,
        /** Nothing listens on the port: connections are refused. */
        DEAD
    }

    /**
     * A release for {@link #serve}.
     *
     * @param infoHash the {@code infohash} attribute, null to leave it out
     * @param magnet the {@code magneturl} attribute, null to leave it out
     * @param peers seeders and leechers together, as Torznab counts them
     */
    public record Item(String title, @Nullable String infoHash, @Nullable String magnet, long size, int seeders,
            int peers) {
    }

    private final String apiKey;
    private final int port;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, List<Item>> served = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.RECORDED;
    private volatile boolean closed;
    private HttpServer server;

    private FakeTorznab(String apiKey, HttpServer server) {
        this.apiKey = apiKey;
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    /** Starts one on a free port of 127.0.0.1 that accepts this API key. */
    public static FakeTorznab start(String apiKey) {
        FakeTorznab fake = new FakeTorznab(apiKey, bind(0));
        fake.listen(fake.server);
        return fake;
    }

    /** The Torznab endpoint, as {@code marquee.indexers.torznab[n].url} takes it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port + API_PATH);
    }

    /** From now on a {@code t=movie} search for {@code imdbId} ({@code tt…}) lists these releases. */
    public void serve(String imdbId, List<Item> items) {
        served.put(digits(imdbId), List.copyOf(items));
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

    /** Back to normal answers: mode RECORDED, served releases and calls forgotten. */
    public synchronized void reset() {
        mode(Mode.RECORDED);
        served.clear();
        calls.clear();
    }

    public synchronized int calls() {
        return calls.size();
    }

    /** Each request's path and raw query, in order. */
    public synchronized List<String> callLog() {
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
            calls.add(path + (query == null ? "" : "?" + query));
        }
        try (exchange) {
            switch (mode) {
                case TIMEOUT -> hold();
                case HTML_200 -> send(exchange, 200, "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>…</form></body></html>");
                case ERROR_500 -> send(exchange, 500, "text/html; charset=utf-8",
                        "<html><head><title>500 Internal Server Error</title></head><body><center>"
                                + "<h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>");
                default -> answer(exchange, path, parameters(query));
            }
        }
    }

    private void answer(HttpExchange exchange, String path, Map<String, String> parameters) throws IOException {
        if (!path.equals(API_PATH)) {
            send(exchange, 404, "text/plain", "Not Found");
            return;
        }
        if (!apiKey.equals(parameters.get("apikey"))) {
            send(exchange, 401, "application/xml; charset=utf-8", error(100, "Invalid API Key"));
            return;
        }
        switch (parameters.getOrDefault("t", "")) {
            case "caps" -> send(exchange, 200, "application/xml; charset=utf-8", CAPS);
            case "movie", "search" -> {
                String imdb = digits(parameters.getOrDefault("imdbid", ""));
                send(exchange, 200, "application/rss+xml; charset=utf-8",
                        feed(imdb, served.getOrDefault(imdb, List.of())));
            }
            default -> send(exchange, 400, "application/xml; charset=utf-8", error(202, "No such function"));
        }
    }

    private String feed(String imdb, List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
                  <channel>
                    <atom:link rel="self" type="application/rss+xml" />
                    <title>FakeIndexer</title>
                """);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String site = "http://127.0.0.1:" + port;
            String download = site + "/1/download?apikey=" + apiKey + "&link=" + i + "&file="
                    + URLEncoder.encode(item.title(), StandardCharsets.UTF_8);
            xml.append("    <item>\n")
                    .append("      <title>").append(escape(item.title())).append("</title>\n")
                    .append("      <description />\n")
                    .append("      <guid>").append(site).append("/details/").append(i).append("</guid>\n")
                    .append("      <prowlarrindexer id=\"1\" type=\"public\">FakeIndexer</prowlarrindexer>\n")
                    .append("      <comments>").append(site).append("/details/").append(i).append("</comments>\n")
                    .append("      <pubDate>").append(PUB_DATE).append("</pubDate>\n")
                    .append("      <size>").append(item.size()).append("</size>\n")
                    .append("      <link>").append(escape(download)).append("</link>\n")
                    .append("      <category>2000</category>\n")
                    .append("      <enclosure url=\"").append(escape(download)).append("\" length=\"").append(item.size())
                    .append("\" type=\"application/x-bittorrent\" />\n");
            attr(xml, "category", "2000");
            attr(xml, "imdb", imdb);
            attr(xml, "seeders", Integer.toString(item.seeders()));
            attr(xml, "grabs", "0");
            attr(xml, "peers", Integer.toString(item.peers()));
            if (item.infoHash() != null) {
                attr(xml, "infohash", item.infoHash());
            }
            if (item.magnet() != null) {
                attr(xml, "magneturl", item.magnet());
            }
            attr(xml, "downloadvolumefactor", "0");
            attr(xml, "uploadvolumefactor", "1");
            xml.append("    </item>\n");
        }
        return xml.append("  </channel>\n</rss>\n").toString();
    }

    private static void attr(StringBuilder xml, String name, String value) {
        xml.append("      <torznab:attr name=\"").append(name).append("\" value=\"").append(escape(value)).append("\" />\n");
    }

    private static String error(int code, String description) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"" + code + "\" description=\""
                + escape(description) + "\" />";
    }

    private static final String CAPS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <caps>
              <server title="Prowlarr" />
              <limits default="100" max="100" />
              <searching>
                <search available="yes" supportedParams="q" />
                <tv-search available="yes" supportedParams="q,season,ep,imdbid" />
                <movie-search available="yes" supportedParams="q,imdbid" />
                <music-search available="no" supportedParams="q" />
                <audio-search available="no" supportedParams="q" />
                <book-search available="no" supportedParams="q" />
              </searching>
              <categories>
                <category id="2000" name="Movies">
                  <subcat id="2040" name="Movies/HD" />
                  <subcat id="2045" name="Movies/UHD" />
                </category>
                <category id="5000" name="TV" />
              </categories>
            </caps>
            """;

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

    private static String digits(String imdbId) {
        return imdbId.strip().replaceFirst("(?i)^tt", "");
    }

    private static Map<String, String> parameters(@Nullable String query) {
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

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
