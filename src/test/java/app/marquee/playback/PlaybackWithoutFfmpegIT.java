package app.marquee.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeYts;
import app.marquee.support.swarm.Swarm;
import app.marquee.support.swarm.SwarmExtension;
import tools.jackson.databind.JsonNode;

/** A server whose ffmpeg and ffprobe cannot be run starts, says so, and direct-plays. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaybackWithoutFfmpegIT {

    @RegisterExtension
    static final SwarmExtension swarm = new SwarmExtension(2_000_000, "Helpful.Monkey.1985.720p.mp4", 64 * 1024, null);
    @TempDir
    static Path dataDir;
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeYts yts = FakeYts.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        FakeYts.register(registry, yts);
        registry.add("marquee.torrent.trackers", () -> swarm.swarm().tracker().httpAnnounceUrl());
        registry.add("marquee.playback.ffmpeg", () -> "/nonexistent/ffmpeg");
        registry.add("marquee.playback.ffprobe", () -> "/nonexistent/ffprobe");
    }

    @AfterAll
    static void stopFakes() {
        tmdb.close();
        yts.close();
    }

    @LocalServerPort
    int port;

    @Test
    void withoutFfmpegTheStatusSaysSoAndEveryClientDirectPlays() throws Exception {
        yts.serve("tt0088763", "Helpful Monkey", 1985,
                List.of(FakeYts.Torrent.of(swarm.seeded().infoHash(), "720p", swarm.seeded().size())));
        ApiClient api = new ApiClient(port);

        JsonNode ffmpeg = api.get("/api/status").json().path("services").path("ffmpeg");
        assertThat(ffmpeg.path("status").asString()).isEqualTo("down");
        assertThat(ffmpeg.path("message").asString()).contains("direct-played only");

        ApiClient.Response play = api.post("/api/movies/105/auto", "");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        String key = play.json().path("streamingKey").asString();

        ApiClient.Response plan = api.get("/api/stream/" + key + "/playback?caps=h264&hevc=false");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().path("mode").asString()).isEqualTo("direct");
        assertThat(plan.json().path("url").asString()).isEqualTo("/api/stream/" + key);
        assertThat(api.get("/api/stream/" + key + "/media").status()).isEqualTo(503);
        assertThat(api.get("/api/stream/" + key + "/hls/remux/0/index.m3u8").status()).isIn(404, 503);

        HttpResponse<java.io.InputStream> whole = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream/" + key)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(Swarm.sha256(whole.body())).isEqualTo(swarm.seeded().sha256());
    }
}
