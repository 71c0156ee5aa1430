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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeYts;
import app.marquee.support.swarm.Swarm;
import app.marquee.support.swarm.Swarm.SeededTorrent;
import app.marquee.support.swarm.TestVideo;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentEngine;

/**
 * A download nobody reads for {@code idle-timeout} is stopped: it leaves the torrent session, its file stays on
 * disk, and the next play starts it again from what is there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdleDownloadsIT {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path swarmDir;
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeYts yts = FakeYts.start();
    static Swarm swarm;
    static SeededTorrent seeded;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        swarm = Swarm.start(swarmDir);
        seeded = swarm.seed(TestVideo.ofAbout(4_000_000), "a.mp4", 64 * 1024, null);
        yts.serve("tt0088763", "A", 1985, List.of(FakeYts.Torrent.of(seeded.infoHash(), "720p", seeded.size())));
        tmdb.register(registry, () -> dataDir);
        FakeYts.register(registry, yts);
        registry.add("marquee.torrent.trackers", () -> swarm.tracker().httpAnnounceUrl()); // see StreamingIT
        registry.add("marquee.streaming.idle-timeout", () -> "1s");
        registry.add("marquee.sources.min-video-size", () -> "1KB");
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
    TorrentEngine engine;
    @Autowired
    Downloads downloads;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnreadDownloadStopsAndTheNextPlayStartsFromTheFileOnDisk() throws Exception {
        ApiClient api = new ApiClient(port);
        InfoHash hash = InfoHash.of(seeded.infoHash());
        String key = api.post("/api/movies/105/auto", "").json().path("streamingKey").asString();
        assertThat(read(key).body()).hasSize((int) seeded.size());
        assertThat(engine.find(hash)).isPresent();

        // the maintenance runs every 5 s; one second after the last read the download is idle
        await().atMost(Duration.ofSeconds(15)).until(() -> engine.find(hash).isEmpty());
        assertThat(downloads.active()).isEmpty();
        Path file = downloads.downloadDir().resolve(seeded.infoHash()).resolve("a.mp4");
        assertThat(file).exists();
        assertThat(Files.size(file)).isEqualTo(seeded.size());

        String again = api.post("/api/movies/105/auto", "").json().path("streamingKey").asString();
        HttpResponse<byte[]> replay = read(again);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(Files.readAllBytes(seeded.file()));
        assertThat(engine.find(hash).orElseThrow().status().bytesDownloaded())
                .as("the file on disk was checked, not downloaded again").isLessThan(seeded.size() / 2);
    }

    private HttpResponse<byte[]> read(String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream/" + key)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
