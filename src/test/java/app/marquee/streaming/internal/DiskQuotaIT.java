package app.marquee.streaming.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeYts;
import app.marquee.support.swarm.Swarm;
import app.marquee.support.swarm.Swarm.SeededTorrent;
import app.marquee.support.swarm.TestVideo;
import app.marquee.torrent.StreamWindow;
import app.marquee.torrent.TorrentFile;

/**
 * The disk quota with three downloads of about 4, 6 and 8 MB under a 15 MB quota: the least recently watched
 * download goes first, and a download being read is never deleted, however old.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiskQuotaIT {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path swarmDir;
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeYts yts = FakeYts.start();
    static Swarm swarm;
    static Map<Integer, SeededTorrent> seeded;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        swarm = Swarm.start(swarmDir);
        seeded = Map.of(
                105, swarm.seed(TestVideo.ofAbout(4_000_000), "a.mp4", 64 * 1024, null),
                121, swarm.seed(TestVideo.ofAbout(6_000_000), "b.mp4", 64 * 1024, null),
                122, swarm.seed(TestVideo.ofAbout(8_000_000), "c.mp4", 64 * 1024, null));
        yts.serve("tt0088763", "A", 1985, List.of(torrent(105)));
        yts.serve("tt0167261", "B", 2003, List.of(torrent(121)));
        yts.serve("tt0167260", "C", 2002, List.of(torrent(122)));
        tmdb.register(registry, () -> dataDir);
        FakeYts.register(registry, yts);
        registry.add("marquee.torrent.trackers", () -> swarm.tracker().httpAnnounceUrl()); // see StreamingIT
        registry.add("marquee.streaming.max-disk", () -> "15MB");
        registry.add("marquee.sources.min-video-size", () -> "1KB");
    }

    private static FakeYts.Torrent torrent(int movie) {
        return FakeYts.Torrent.of(seeded.get(movie).infoHash(), "720p", seeded.get(movie).size());
    }

    @AfterAll
    static void stop() {
        tmdb.close();
        yts.close();
        swarm.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    Downloads downloads;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theLeastRecentlyWatchedGoesFirstAndNothingBeingReadIsDeleted() throws Exception {
        ApiClient api = new ApiClient(port);
        String a = watchWhole(api, 105);
        String b = watchWhole(api, 121);
        assertThat(stored()).containsExactlyInAnyOrder(105, 121);
        Thread.sleep(20);
        read(a, "bytes=0-1023"); // A is watched again: B is now the least recently watched

        watchWhole(api, 122); // 4 + 6 + 8 MB > 15 MB: B goes
        assertThat(stored()).containsExactlyInAnyOrder(105, 122);
        assertThat(Files.exists(downloads.downloadDir().resolve(seeded.get(121).infoHash()))).isFalse();
        assertThat(Files.exists(downloads.downloadDir().resolve(seeded.get(105).infoHash()))).isTrue();

        // someone is still reading A, the least recently watched now: when B comes back, C goes instead
        Downloads.Download downloadOfA = downloads.active().stream()
                .filter(d -> d.torrent.infoHash().hex().equals(seeded.get(105).infoHash())).findFirst().orElseThrow();
        TorrentFile fileOfA = downloadOfA.torrent.metadata().orElseThrow().files().getFirst();
        try (StreamWindow reader = downloadOfA.read(fileOfA, 0)) {
            Thread.sleep(20);
            watchWhole(api, 121);
            assertThat(stored()).containsExactlyInAnyOrder(105, 121);
        }
        assertThat(b).isNotBlank();
        assertThat(api.get("/api/stats").json().path("disk").path("quotaBytes").asLong()).isEqualTo(15L * 1024 * 1024);
    }

    /** Asks to play the movie and reads its whole stream; returns the streaming key. */
    private String watchWhole(ApiClient api, int movie) throws Exception {
        ApiClient.Response play = api.post("/api/movies/" + movie + "/auto", "");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        String key = play.json().path("streamingKey").asString();
        HttpResponse<byte[]> whole = read(key, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body().length).isEqualTo(seeded.get(movie).size());
        await().atMost(Duration.ofSeconds(10)).until(() -> stored().contains(movie));
        return key;
    }

    private HttpResponse<byte[]> read(String key, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream/" + key));
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The TMDB ids of the movies whose downloads are on disk. */
    private List<Integer> stored() {
        List<String> locations = jdbc.queryForList("select location from storage", String.class);
        return seeded.entrySet().stream()
                .filter(movie -> locations.stream().anyMatch(location -> location.endsWith(movie.getValue().infoHash())))
                .map(Map.Entry::getKey)
                .toList();
    }
}
