package app.marquee.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeYts;
import app.marquee.support.MovableClock;
import app.marquee.support.swarm.OpenTracker;
import app.marquee.support.swarm.SwarmTools;
import app.marquee.torrent.TorrentMetadata;
import tools.jackson.databind.JsonNode;

/**
 * Seed flows 2 and 4 with the scheduler on: movies get their YTS sources on demand and from the source-search
 * task, torrent files are fetched and validated (unsafe, video-less and malformed ones rejected with their
 * reason), seeders are scraped from a real opentracker, old searches are redone, and each of the four tasks
 * records its runs in SyncState.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SourcesIT.TickingClock.class)
class SourcesIT {

    /** Recorded TMDB movies and their IMDb ids: 120 has a YTS recording, 121 and 122 get served torrents. */
    private static final int RECORDED = 120;
    private static final String RECORDED_IMDB = "tt0120737";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path trackerDir;
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeYts yts = FakeYts.start();
    static OpenTracker tracker;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwarmTools.require(SwarmTools.OPENTRACKER);
        tracker = OpenTracker.start(trackerDir);
        tmdb.register(registry, () -> dataDir);
        FakeYts.register(registry, yts);
        registry.add("marquee.torrent.trackers", tracker::udpAnnounceUrl);
        registry.add("marquee.sync.enabled", () -> "true");
        for (String task : List.of("list-refresh", "movie-sync", "season-sync")) {
            registry.add("marquee.sync." + task + ".enabled", () -> "false");
        }
        registry.add("marquee.sources.metadata-timeout", () -> "2s");
        registry.add("marquee.sources.min-video-size", () -> "1KB");
    }

    @AfterAll
    static void stop() {
        tmdb.close();
        yts.close();
        tracker.close();
    }

    /** The scheduler needs time to pass; the test moves it a week on. */
    @TestConfiguration
    static class TickingClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return MovableClock.ticking();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;


    @Test
    void aMovieNeverSearchedGetsItsYtsSourcesWithinTheRequest() {
        ApiClient api = new ApiClient(port);
        long started = System.nanoTime();
        ApiClient.Response response = api.get("/api/movies/" + RECORDED + "?includeSources=true");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).isEqualTo(200);
        JsonNode sources = response.json().path("sources");
        assertThat(sources).as(response.body()).isNotEmpty();
        assertThat(tookMillis).as("includeSources waits about 1.2 s at most").isLessThan(3_000);
        assertThat(yts.callLog()).anySatisfy(call -> assertThat(call.request()).contains("query_term=" + RECORDED_IMDB));
        JsonNode first = sources.get(0);
        assertThat(first.path("source").asString()).isEqualTo("YTS");
        assertThat(first.path("quality").asString()).isIn("480p", "720p", "1080p", "2160p", "3D");
        assertThat(first.path("size").asLong()).isPositive();
        assertThat(first.path("videoCodec").asString()).startsWith("x26");
        assertThat(first.path("id").isNumber()).isTrue();
        // best first: 1080p before 720p when both are listed
        List<String> qualities = sources.valueStream().map(s -> s.path("quality").asString()).toList();
        if (qualities.contains("1080p") && qualities.contains("720p")) {
            assertThat(qualities.indexOf("1080p")).isLessThan(qualities.indexOf("720p"));
        }
        // asked again: answered from the database, YTS is not asked twice
        int calls = yts.calls();
        assertThat(api.get("/api/movies/" + RECORDED + "?includeSources=true").json().path("sources")).hasSameSizeAs(sources);
        assertThat(yts.calls()).isEqualTo(calls);
    }

    @Test
    void unsafeVideoLessAndMalformedTorrentsAreRejectedAndTheTasksRecordTheirRuns() throws Exception {
        byte[] traversal = torrent("Passwd", Map.of("movie.mp4", 70_000L, "../../etc/passwd", 100L));
        byte[] noVideo = torrent("Album", Map.of("track01.flac", 90_000L, "cover.jpg", 2_000L));
        byte[] valid = torrent("Genuine Cattle (2003) [1080p]", Map.of("Genuine.Cattle.2003.1080p.mp4", 80_000L,
                "www.YTS.MX.jpg", 5_000L));
        String traversalHash = hash(traversal);
        String noVideoHash = hash(noVideo);
        String validHash = hash(valid);
        String malformedHash = "ab".repeat(20);
        yts.serve("tt0167261", "Genuine Cattle", 2003, List.of(
                FakeYts.Torrent.of(traversalHash, "720p", 70_100),
                FakeYts.Torrent.of(noVideoHash, "1080p", 92_000),
                FakeYts.Torrent.of(validHash, "1080p", 85_000)));
        yts.serve("tt0167260", "Blank Meerkat", 2002, List.of(FakeYts.Torrent.of(malformedHash, "720p", 50_000)));
        yts.serveTorrentFile(traversalHash, traversal);
        yts.serveTorrentFile(noVideoHash, noVideo);
        yts.serveTorrentFile(validHash, valid);
        yts.serveTorrentFile(malformedHash, "d4:infod6:lengthi-5eee".getBytes(StandardCharsets.US_ASCII));

        ApiClient api = new ApiClient(port);
        // stored without sources: the source-search task finds them
        assertThat(api.get("/api/movies/121").status()).isEqualTo(200);
        assertThat(api.get("/api/movies/122").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(status(traversalHash)).isEqualTo("rejected");
            assertThat(status(noVideoHash)).isEqualTo("rejected");
            assertThat(status(malformedHash)).isEqualTo("rejected");
            assertThat(status(validHash)).isEqualTo("valid");
        });
        assertThat(reason(traversalHash)).contains("unsafe file path").contains("'..' segment");
        assertThat(reason(noVideoHash)).startsWith("no video");
        assertThat(reason(malformedHash)).contains("malformed");
        assertThat(jdbc.queryForObject("select video_file_path from torrent_source where info_hash_index = ?",
                String.class, index(validHash))).isEqualTo("Genuine Cattle (2003) [1080p]/Genuine.Cattle.2003.1080p.mp4");

        // rejected torrents are never offered; the valid one has its data file
        JsonNode sources = api.get("/api/movies/121?includeSources=true").json().path("sources");
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).path("hasDataFile").asBoolean()).isTrue();
        assertThat(sources.get(0).path("size").asLong()).isEqualTo(80_000L);

        // the real tracker was scraped: nobody seeds the torrent, so its 0 replaces YTS's 10
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForMap(
                "select seeders, trackers_checked_at from torrent_source where info_hash_index = ?", index(validHash)))
                .containsEntry("seeders", 0).doesNotContainEntry("trackers_checked_at", null));

        // a week later, the searches are old: source-resync asks YTS again
        int searches = (int) yts.callLog().stream().filter(c -> c.request().contains("tt0167261")).count();
        clock.advance(Duration.ofDays(8));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                yts.callLog().stream().filter(c -> c.request().contains("tt0167261")).count() > searches);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, String> outcomes = outcomes();
            assertThat(outcomes).containsKeys("source-search", "torrent-files", "tracker-stats", "source-resync");
            assertThat(outcomes.get("source-search")).isNotEqualTo("failed");
            assertThat(outcomes.get("tracker-stats")).isNotEqualTo("failed");
        });
    }

    private String status(String hash) {
        List<String> found = jdbc.queryForList("select metadata_status from torrent_source where info_hash_index = ?",
                String.class, index(hash));
        return found.isEmpty() ? "absent" : found.getFirst();
    }

    private String reason(String hash) {
        return jdbc.queryForObject("select metadata_reason from torrent_source where info_hash_index = ?",
                String.class, index(hash));
    }

    @Autowired
    app.marquee.accounts.BlindIndex blindIndex;

    private String index(String hash) {
        return blindIndex.of(hash.toLowerCase(java.util.Locale.ROOT));
    }

    private Map<String, String> outcomes() {
        Map<String, String> outcomes = new java.util.HashMap<>();
        jdbc.query("select task, outcome from sync_state", row -> {
            outcomes.put(row.getString(1), row.getString(2));
        });
        return outcomes;
    }

    private static String hash(byte[] torrent) {
        return TorrentMetadata.parse(torrent).infoHash().hex();
    }

    /** A multi-file .torrent of files of these sizes (paths split on '/', kept as given, even '..'). */
    private static byte[] torrent(String name, Map<String, Long> files) {
        int pieceLength = 16 * 1024;
        StringBuilder list = new StringBuilder("l");
        long total = 0;
        for (Map.Entry<String, Long> file : new java.util.TreeMap<>(files).entrySet()) {
            list.append("d6:lengthi").append(file.getValue()).append("e4:pathl");
            for (String segment : file.getKey().split("/")) {
                list.append(string(segment));
            }
            list.append("ee");
            total += file.getValue();
        }
        list.append("e");
        int pieces = (int) ((total + pieceLength - 1) / pieceLength);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("d8:announce" + string("udp://127.0.0.1:9/announce") + "4:infod5:files" + list + "4:name"
                + string(name) + "12:piece lengthi" + pieceLength + "e6:pieces" + (pieces * 20) + ":")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[pieces * 20]);
        out.writeBytes("ee".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String string(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length + ":" + text;
    }
}
