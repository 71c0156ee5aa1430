package app.marquee.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
import app.marquee.support.swarm.Swarm.SeededTorrent;
import app.marquee.support.swarm.SwarmExtension;
import tools.jackson.databind.JsonNode;

/**
 * Seed flow 3 end to end on loopback: a real MP4 (not fast-start, over 50 MB) seeded by aria2c through a real
 * opentracker, listed by a fake YTS under a recorded TMDB movie; a user asks to play it and reads the stream
 * through the HTTP API while the server downloads it from the swarm.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamingIT {

    private static final int MOVIE = 105;
    private static final String IMDB = "tt0088763";
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final SwarmExtension swarm = new SwarmExtension(56_000_000, "Helpful.Monkey.1985.720p.mp4", 256 * 1024, null);
    @TempDir
    static Path dataDir;
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeYts yts = FakeYts.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        FakeYts.register(registry, yts);
        // HTTP: libtorrent caches UDP tracker connection ids by IP alone for a minute, so right after another
        // test's opentracker on 127.0.0.1 it would present that tracker's id to this one and be refused
        registry.add("marquee.torrent.trackers", () -> swarm.swarm().tracker().httpAnnounceUrl());
        registry.add("marquee.torrent.dht", () -> "false");
        registry.add("marquee.torrent.lsd", () -> "false");
        registry.add("marquee.streaming.read-timeout", () -> "8s");
    }

    @AfterAll
    static void stopFakes() {
        tmdb.close();
        yts.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient api;

    @BeforeEach
    void setUp() {
        SeededTorrent seeded = swarm.seeded();
        yts.serve(IMDB, "Helpful Monkey", 1985, List.of(FakeYts.Torrent.of(seeded.infoHash(), "720p", seeded.size())));
        api = new ApiClient(port);
    }

    @Test
    void rangesAndTheWholeStreamAreTheSeededFile() throws Exception {
        SeededTorrent seeded = swarm.seeded();
        long size = seeded.size();
        assertThat(size).isGreaterThan(50L * 1000 * 1000);

        ApiClient.Response play = api.post("/api/movies/" + MOVIE + "/auto", "");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        JsonNode key = play.json();
        assertThat(key.path("quality").asString()).isEqualTo("720p");
        assertThat(key.path("size").asLong()).isEqualTo(size);
        assertThat(key.path("expiresAt").asString()).isNotBlank();
        String stream = "/api/stream/" + key.path("streamingKey").asString();

        HttpResponse<byte[]> head = get(stream, "bytes=0-1023");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Range")).hasValue("bytes 0-1023/" + size);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.body()).isEqualTo(slice(seeded.file(), 0, 1024));

        long middle = size / 2;
        HttpResponse<byte[]> mid = get(stream, "bytes=" + middle + "-" + (middle + MIB - 1));
        assertThat(mid.statusCode()).isEqualTo(206);
        assertThat(mid.headers().firstValue("Content-Length")).hasValue(Integer.toString(MIB));
        assertThat(mid.body()).isEqualTo(slice(seeded.file(), middle, MIB));

        HttpResponse<byte[]> tail = get(stream, "bytes=-" + MIB);
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes " + (size - MIB) + "-" + (size - 1) + "/" + size);
        assertThat(tail.body()).isEqualTo(slice(seeded.file(), size - MIB, MIB));

        HttpResponse<InputStream> whole = http.send(request(stream, null).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Length")).hasValue(Long.toString(size));
        assertThat(Swarm.sha256(whole.body())).isEqualTo(seeded.sha256());

        HttpResponse<byte[]> beyond = get(stream, "bytes=" + size + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + size);

        // what the stream learnt of the torrent is kept: the source now has its data file
        JsonNode sources = api.get("/api/movies/" + MOVIE + "?includeSources=true").json().path("sources");
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).path("hasDataFile").asBoolean()).isTrue();
        assertThat(sources.get(0).path("source").asString()).isEqualTo("YTS");

        JsonNode stats = api.get("/api/stats").json();
        assertThat(stats.path("streams")).anySatisfy(s -> {
            assertThat(s.path("title").asString()).isEqualTo("Helpful Monkey");
            assertThat(s.path("progress").asDouble()).isEqualTo(1.0);
        });
        assertThat(stats.path("disk").path("quotaBytes").asLong()).isEqualTo(50L * 1024 * 1024 * 1024);
    }

    @Test
    void keysAreCheckedAndQualitiesMustExist() throws Exception {
        assertThat(get("/api/stream/" + "A".repeat(43), null).statusCode()).isEqualTo(401);
        assertThat(get("/api/stream/not-a-key", "bytes=0-1").statusCode()).isEqualTo(401);

        ApiClient.Response missing = api.post("/api/movies/" + MOVIE + "/2160p", "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").asString()).isEqualTo("No 2160p quality source available");

        ApiClient.Response bad = api.post("/api/movies/" + MOVIE + "/999p", "");
        assertThat(bad.status()).isEqualTo(400);

        assertThat(ApiClient.anonymous(port).post("/api/movies/" + MOVIE + "/auto", "").status()).isEqualTo(401);

        // movie 120 has YTS sources (recorded), but nobody seeds them: the stream gives up after read-timeout
        ApiClient.Response unseeded = api.post("/api/movies/120/auto", "");
        assertThat(unseeded.status()).as(unseeded.body()).isEqualTo(200);
        long started = System.nanoTime();
        HttpResponse<byte[]> timeout = get("/api/stream/" + unseeded.json().path("streamingKey").asString(), "bytes=0-");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(timeout.statusCode()).isEqualTo(504);
        assertThat(new String(timeout.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"error\":\"Stream loading timeout\"");
        assertThat(tookMillis).isBetween(7_000L, 20_000L);
    }

    private HttpResponse<byte[]> get(String path, String range) throws IOException, InterruptedException {
        return http.send(request(path, range).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path, String range) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (range != null) {
            builder.header("Range", range);
        }
        return builder;
    }

    private static byte[] slice(Path file, long offset, int length) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[length];
            in.seek(offset);
            in.readFully(bytes);
            return bytes;
        }
    }

}
