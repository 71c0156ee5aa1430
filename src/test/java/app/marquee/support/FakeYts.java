package app.marquee.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for one YTS v2 API mirror. It replays the recordings of {@code shared/fixtures/recorded/yts}
 * (file naming in fixtures/README.md: path under the API root, then {@code -name-value} per query parameter
 * sorted by name), answers searches a test registered with {@link #serve}, and answers any other
 * {@code list_movies.json} search as YTS does for a movie it does not know: 200, {@code movie_count: 0} and no
 * {@code movies}. Served answers copy the field set of the recordings. Counts and times every request.
 *
 * <p>Each instance can misbehave as dead mirrors do ({@link Mode}); a test starts several for failover.
 */
public final class FakeYts extends FakeIndexer {

    public static final Path FIXTURES = Fixtures.folder().resolve("yts");
    private static final String API_ROOT = "/api/v2";
    private static final String TORRENT_DOWNLOAD = "/torrent/download/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** YTS writes dates in its server's zone (its {@code @meta.server_timezone} is CET). */
    private static final ZoneId YTS_ZONE = ZoneId.of("CET");
    private static final DateTimeFormatter YTS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * A torrent for {@link #serve}. The rest of YTS's torrent fields get typical values (x264, 8 bit, 2.0,
     * uploaded now).
     *
     * @param hash the info-hash as YTS would list it (40 hex digits; anything else tests the client's checks)
     */
    public record Torrent(String hash, String quality, String type, long sizeBytes, int seeds, int peers) {

        /** A bluray torrent with 10 seeds and 2 peers. */
        public static Torrent of(String hash, String quality, long sizeBytes) {
            return new Torrent(hash, quality, "bluray", sizeBytes, 10, 2);
        }
    }

    private final Map<String, ObjectNode> served = new ConcurrentHashMap<>();
    private final Map<String, byte[]> torrentFiles = new ConcurrentHashMap<>();

    private FakeYts() {
        super(PARKING_PAGE);
    }

    public static FakeYts start() {
        if (!Files.isDirectory(FIXTURES)) {
            throw new IllegalStateException("YTS recordings not found at " + FIXTURES.toAbsolutePath());
        }
        return new FakeYts();
    }

    /** Points {@code marquee.yts.mirrors} at these fakes, in this order. */
    public static void register(DynamicPropertyRegistry registry, FakeYts... mirrors) {
        registry.add("marquee.yts.mirrors",
                () -> Arrays.stream(mirrors).map(m -> m.apiRoot().toString()).collect(Collectors.joining(",")));
    }

    /** The API root, as {@code marquee.yts.mirrors} takes it: {@code http://127.0.0.1:port/api/v2}. */
    public URI apiRoot() {
        return URI.create("http://127.0.0.1:" + port() + API_ROOT);
    }

    /**
     * From now on a search for {@code imdbId} is answered with one movie of this title and year holding these
     * torrents (whether or not a recording exists), e.g. to point YTS at a torrent a test seeds locally.
     */
    public void serve(String imdbId, String title, int year, List<Torrent> torrents) {
        served.put(imdbId, answer(movie("http://127.0.0.1:" + port(), imdbId, title, year, torrents)));
    }

    /**
     * The {@code list_movies.json} answer {@link #serve} gives, as JSON text, for a mirror served by something
     * else (a static file server where this in-process fake cannot listen, such as another network namespace).
     *
     * @param site the mirror's root, {@code http://host:port}, for the answer's links
     */
    public static String searchAnswer(String site, String imdbId, String title, int year, List<Torrent> torrents) {
        return JSON.writeValueAsString(answer(movie(site, imdbId, title, year, torrents)));
    }

    /**
     * From now on {@code /torrent/download/<hash>} (the {@code url} of a {@link #serve}d torrent) answers these
     * bytes as YTS answers a .torrent download.
     */
    public void serveTorrentFile(String hash, byte[] body) {
        torrentFiles.put(hash.toUpperCase(java.util.Locale.ROOT), body.clone());
    }

    /** Back to recorded answers: mode RECORDED, served answers and calls forgotten. */
    @Override
    public synchronized void reset() {
        super.reset();
        served.clear();
        torrentFiles.clear();
    }

    @Override
    protected void answer(HttpExchange exchange, String path, @Nullable String query) throws IOException {
        Map<String, String> parameters = parameters(query);
        byte[] torrentFile = path.startsWith(TORRENT_DOWNLOAD)
                ? torrentFiles.get(path.substring(TORRENT_DOWNLOAD.length()).toUpperCase(java.util.Locale.ROOT)) : null;
        if (torrentFile != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/x-bittorrent");
            exchange.sendResponseHeaders(200, torrentFile.length);
            exchange.getResponseBody().write(torrentFile);
            return;
        }
        if (!path.startsWith(API_ROOT + "/")) {
            send(exchange, 404, "text/html; charset=UTF-8", "<html><body><h1>404 Not Found</h1></body></html>");
            return;
        }
        String endpoint = path.substring(API_ROOT.length() + 1);
        String term = parameters.get("query_term");
        if (endpoint.equals("list_movies.json") && term != null && served.containsKey(term)) {
            send(exchange, 200, JSON.writeValueAsString(served.get(term)));
            return;
        }
        Path file = recording(endpoint, parameters);
        if (file != null) {
            JsonNode recorded = JSON.readTree(file.toFile());
            send(exchange, recorded.path("status").asInt(200), JSON.writeValueAsString(recorded.path("data")));
        } else if (endpoint.equals("list_movies.json")) {
            send(exchange, 200, JSON.writeValueAsString(answer(null)));
        } else {
            // Marquee only searches; other endpoints have no recordings, so no answer is invented for them
            send(exchange, 404, "text/html; charset=UTF-8", "<html><body><h1>404 Not Found</h1></body></html>");
        }
    }

    /** The recording of a request, or null. */
    private static Path recording(String endpoint, Map<String, String> parameters) {
        StringBuilder name = new StringBuilder(endpoint);
        parameters.forEach((key, value) -> name.append('-').append(key).append('-').append(value));
        name.append(".json");
        if (name.indexOf("..") >= 0 || name.indexOf("/") >= 0) {
            return null;
        }
        Path file = FIXTURES.resolve("api/v2").resolve(name.toString());
        return Files.isRegularFile(file) ? file : null;
    }

    /** The envelope of a {@code list_movies.json} answer with this movie, or with none (movie_count 0). */
    private static ObjectNode answer(ObjectNode movie) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "ok");
        root.put("status_message", "Query was successful");
        ObjectNode data = root.putObject("data");
        data.put("movie_count", movie == null ? 0 : 1);
        data.put("limit", 20);
        data.put("page_number", 1);
        if (movie != null) {
            data.putArray("movies").add(movie);
        }
        ObjectNode meta = root.putObject("@meta");
        meta.put("server_time", Instant.now().getEpochSecond());
        meta.put("server_timezone", "CET");
        meta.put("api_version", 2);
        meta.put("execution_time", "0 ms");
        return root;
    }

    private static ObjectNode movie(String site, String imdbId, String title, int year, List<Torrent> torrents) {
        long now = Instant.now().getEpochSecond();
        String slug = (title + " " + year).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        ObjectNode movie = JSON.createObjectNode();
        movie.put("id", Math.abs(imdbId.hashCode() % 100_000));
        movie.put("url", site + "/movies/" + slug);
        movie.put("imdb_code", imdbId);
        movie.put("title", title);
        movie.put("title_english", title);
        movie.put("title_long", title + " (" + year + ")");
        movie.put("slug", slug);
        movie.put("year", year);
        movie.put("rating", 7.0);
        movie.put("runtime", 100);
        movie.putArray("genres").add("Drama");
        movie.put("summary", "");
        movie.put("description_full", "");
        movie.put("synopsis", "");
        movie.put("yt_trailer_code", "");
        movie.put("language", "en");
        movie.put("mpa_rating", "");
        for (String image : List.of("background_image", "background_image_original", "small_cover_image",
                "medium_cover_image", "large_cover_image")) {
            movie.put(image, site + "/assets/images/movies/" + slug + "/" + image + ".jpg");
        }
        movie.put("state", "ok");
        ArrayNode list = movie.putArray("torrents");
        for (Torrent t : torrents) {
            ObjectNode torrent = list.addObject();
            torrent.put("url", site + "/torrent/download/" + t.hash());
            torrent.put("hash", t.hash());
            torrent.put("quality", t.quality());
            torrent.put("type", t.type());
            torrent.put("is_repack", "0");
            torrent.put("video_codec", t.quality().equals("2160p") ? "x265" : "x264");
            torrent.put("bit_depth", t.quality().equals("2160p") ? "10" : "8");
            torrent.put("audio_channels", "2.0");
            torrent.put("seeds", t.seeds());
            torrent.put("peers", t.peers());
            torrent.put("size", humanSize(t.sizeBytes()));
            torrent.put("size_bytes", t.sizeBytes());
            torrent.put("date_uploaded", ytsDate(now));
            torrent.put("date_uploaded_unix", now);
        }
        movie.put("date_uploaded", ytsDate(now));
        movie.put("date_uploaded_unix", now);
        return movie;
    }

    /** As YTS writes sizes: {@code 848.96 MB}, {@code 1.60 GB}. */
    private static String humanSize(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib >= 1024 ? String.format(Locale.ROOT, "%.2f GB", mib / 1024) : String.format(Locale.ROOT, "%.2f MB", mib);
    }

    private static String ytsDate(long epochSecond) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), YTS_ZONE).format(YTS_DATE);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", json);
    }
}
