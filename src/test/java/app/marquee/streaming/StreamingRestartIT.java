package app.marquee.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.marquee.MarqueeApplication;
import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeYts;
import app.marquee.support.swarm.Swarm;
import app.marquee.support.swarm.Swarm.SeededTorrent;
import app.marquee.support.swarm.SwarmExtension;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentEngine;
import app.marquee.torrent.TorrentStatus;

/**
 * A download stopped half-way by a server stop resumes after the restart instead of starting over: with the
 * resume data saved at shutdown, and without it (a crash before the next save), when the files on disk are
 * checked instead.
 */
class StreamingRestartIT {

    private static final String IMDB = "tt0088763";

    /** A seeder slow enough (2 MB/s) for the server to be stopped mid-download. */
    @RegisterExtension
    static final SwarmExtension swarm = new SwarmExtension(24_000_000, "Helpful.Monkey.1985.720p.mp4", 256 * 1024, "2M");
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeYts yts = FakeYts.start();

    @TempDir
    Path dataDir;

    @AfterAll
    static void stopFakes() {
        tmdb.close();
        yts.close();
    }

    @ParameterizedTest(name = "resume data kept: {0}")
    @ValueSource(booleans = {true, false})
    void aDownloadStoppedHalfWayResumesAfterARestart(boolean resumeDataKept) throws Exception {
        SeededTorrent seeded = swarm.seeded();
        InfoHash hash = InfoHash.of(seeded.infoHash());
        yts.serve(IMDB, "Helpful Monkey", 1985, List.of(FakeYts.Torrent.of(seeded.infoHash(), "720p", seeded.size())));

        long before;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = new ApiClient(port(first));
            String key = api.post("/api/movies/105/auto", "").json().path("streamingKey").asString();
            assertThat(fetch(first, key, "bytes=0-1023").statusCode()).isEqualTo(206);
            TorrentEngine engine = first.getBean(TorrentEngine.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> engine.find(hash).orElseThrow().status().progress() >= 0.3);
            before = engine.find(hash).orElseThrow().status().bytesDone();
            assertThat(before).isLessThan(seeded.size());
        }
        if (!resumeDataKept) {
            deleteTree(dataDir.resolve("torrents/resume"));
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = new ApiClient(port(second));
            String key = api.post("/api/movies/105/auto", "").json().path("streamingKey").asString();
            TorrentEngine engine = second.getBean(TorrentEngine.class);
            // what was on disk counts at once (after the check when there was no resume data)
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.find(hash)
                    .map(t -> t.status().state() != TorrentStatus.State.CHECKING && t.status().bytesDone() >= before * 9 / 10)
                    .orElse(false));

            HttpResponse<InputStream> whole = HttpClient.newHttpClient().send(request(second, key, null).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(Swarm.sha256(whole.body())).isEqualTo(seeded.sha256());
            long fetchedAgain = engine.find(hash).orElseThrow().status().bytesDownloaded();
            assertThat(fetchedAgain).as("payload downloaded after the restart")
                    .isLessThanOrEqualTo(seeded.size() - before * 9 / 10);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MarqueeApplication.class).run(
                "--marquee.data-dir=" + dataDir, "--server.port=0",
                "--marquee.tmdb.base-url=" + tmdb.baseUrl(),
                "--marquee.yts.mirrors=" + yts.apiRoot(),
                "--marquee.torrent.trackers=" + swarm.swarm().tracker().httpAnnounceUrl()); // see StreamingIT
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static HttpResponse<Void> fetch(ConfigurableApplicationContext app, String key, String range) throws Exception {
        return HttpClient.newHttpClient().send(request(app, key, range).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext app, String key, String range) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port(app) + "/api/stream/" + key)).GET();
        if (range != null) {
            builder.header("Range", range);
        }
        return builder;
    }


    private static void deleteTree(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
