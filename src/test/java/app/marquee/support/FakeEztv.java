package app.marquee.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;

import org.jspecify.annotations.Nullable;

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
public final class FakeEztv extends FakeIndexer {

    private static final String API_ROOT = "/api";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DEFAULT_LIMIT = 30;
    private static final int MAX_LIMIT = 100;

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

    private final Map<String, List<Torrent>> served = new ConcurrentHashMap<>();

    private FakeEztv() {
        super(PARKING_PAGE);
    }

    public static FakeEztv start() {
        return new FakeEztv();
    }

    /** Points {@code marquee.indexers.eztv.mirrors} at these fakes, in this order. */
    public static void register(DynamicPropertyRegistry registry, FakeEztv... mirrors) {
        registry.add("marquee.indexers.eztv.mirrors",
                () -> Arrays.stream(mirrors).map(m -> m.apiRoot().toString()).collect(Collectors.joining(",")));
    }

    /** The API root, as {@code marquee.indexers.eztv.mirrors} takes it: {@code http://127.0.0.1:port/api}. */
    public URI apiRoot() {
        return URI.create("http://127.0.0.1:" + port() + API_ROOT);
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
    @Override
    public synchronized void reset() {
        super.reset();
        served.clear();
    }

    @Override
    protected void answer(HttpExchange exchange, String path, @Nullable String query) throws IOException {
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
        String site = "http://127.0.0.1:" + port();
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
        torrent.put("small_screenshot", "//127.0.0.1:" + port() + "/screenshots/" + id + "_small.jpg");
        torrent.put("large_screenshot", "//127.0.0.1:" + port() + "/screenshots/" + id + ".jpg");
        torrent.put("seeds", t.seeds());
        torrent.put("peers", t.peers());
        torrent.put("date_released_unix", Instant.now().getEpochSecond());
        torrent.put("size_bytes", Long.toString(t.sizeBytes()));
        return torrent;
    }

    private static int integer(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
