package app.marquee.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.marquee.MarqueeApplication;
import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeYts;
import app.marquee.support.NetnsLab;
import app.marquee.support.swarm.Swarm;
import app.marquee.support.swarm.Swarm.SeededTorrent;
import app.marquee.support.swarm.TestVideo;
import app.marquee.torrent.ActiveTorrent;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentEngine;
import app.marquee.torrent.TorrentStatus;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's "done when" for streaming, on a network the test builds (notes/network.md): the seeder, its tracker
 * and a YTS mirror live behind the VPN link, in the lab's inet namespace. A user plays a movie and reads its
 * stream while it downloads. The VPN link is deleted: within a second torrent traffic stops, the stream being read
 * ends instead of hanging, new plays and streams are refused with 503, and neither a packet through the home link
 * nor a downloaded byte follows. The link comes back and the movie plays again, whole and intact.
 */
class VpnStreamingIT {

    private static final Logger log = LoggerFactory.getLogger(VpnStreamingIT.class);
    private static final int MOVIE = 105;
    private static final String IMDB = "tt0088763";
    private static final int MIB = 1024 * 1024;
    /** A port in the lab's own namespace, where nothing else listens. */
    private static final int YTS_PORT = 8090;

    @TempDir
    Path dataDir;
    @TempDir
    Path swarmDir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang is a failure, not a stuck build
    void aDroppedVpnEndsTheStreamAtOnceLeaksNothingAndPlayingResumesWhenItIsBack() throws Exception {
        Path video = TestVideo.ofAbout(24_000_000);
        try (NetnsLab lab = NetnsLab.create();
                Swarm swarm = Swarm.start(swarmDir, lab.inet());
                FakeTmdb tmdb = FakeTmdb.start()) {
            // about 2 MB/s: the 24 MB download still runs when the VPN drops, a few seconds after the play
            SeededTorrent seeded = swarm.seed(video, "Helpful.Monkey.1985.720p.mp4", 256 * 1024, "2M");
            serveYts(lab, seeded);
            try (ConfigurableApplicationContext app = start(lab, swarm, tmdb)) {
                ApiClient api = new ApiClient(port(app));
                Player player = playing(app, api, seeded);
                try (player) {
                    whileTheVpnIsDown(lab, app, api, seeded, player);
                }
                afterTheVpnIsBack(lab, app, api, seeded);
            }
        }
    }

    /** Plays the movie and reads its stream until the first MiB is in, while the download goes on. */
    private Player playing(ConfigurableApplicationContext app, ApiClient api, SeededTorrent seeded) throws Exception {
        assertThat(anonymousStatus(app).path("isVpnActive").asBoolean()).isTrue();
        byte[] file = Files.readAllBytes(seeded.file());
        long playedAt = System.nanoTime();
        String key = play(api);
        Player player = new Player(streamUri(app, key), file);
        waitFor("the first MiB of the stream", () -> player.received() >= MIB || player.hasEnded(),
                Duration.ofSeconds(30));
        assertThat(player.received()).as("the first MiB, through the VPN link").isGreaterThanOrEqualTo(MIB);
        assertThat(player.firstWrongByte()).as("every byte read is the seeded file's").isEqualTo(-1);
        TorrentStatus status = torrent(app, seeded).status();
        assertThat(status.bytesDone()).as("the download is still running").isLessThan(seeded.size());
        assertThat(player.hasEnded()).isFalse();
        log.info("Playing: {} bytes read {} ms after the play, {} of {} downloaded", player.received(),
                millisSince(playedAt), status.bytesDone(), seeded.size());
        return player;
    }

    private void whileTheVpnIsDown(NetnsLab lab, ConfigurableApplicationContext app, ApiClient api,
            SeededTorrent seeded, Player player) throws Exception {
        NetworkGate gate = app.getBean(NetworkGate.class);
        TorrentEngine engine = app.getBean(TorrentEngine.class);
        long homePacketsBefore = lab.homeTxPackets();
        long droppedAt = System.nanoTime();
        lab.vpnDown();
        waitFor("the gate refusing torrent traffic", () -> !gate.isTorrentTrafficAllowed(), Duration.ofSeconds(3));
        long refusedMillis = millisSince(droppedAt);
        waitFor("the torrent session paused", engine::isPaused, Duration.ofSeconds(3));
        long pausedMillis = millisSince(droppedAt);
        assertThat(refusedMillis).as("the gate refuses within a second (check interval 200 ms)").isLessThan(1_000);
        assertThat(pausedMillis).as("the torrent session is paused within a second").isLessThan(1_000);

        waitFor("the stream being read to end", player::hasEnded, Duration.ofSeconds(5));
        long streamEndedMillis = (player.endedAt() - droppedAt) / 1_000_000;
        assertThat(player.received()).as("the stream ended before its end: it was cut").isLessThan(seeded.size());
        assertThat(player.firstWrongByte()).isEqualTo(-1);

        ActiveTorrent torrent = torrent(app, seeded);
        // libtorrent updates its counters once a second: what arrived before the link went lands in them late
        Thread.sleep(1_500);
        long downloadedAtPause = torrent.status().bytesDownloaded();
        long doneAtPause = torrent.status().bytesDone();
        ApiClient.Response replay = api.post("/api/movies/" + MOVIE + "/auto", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(503);
        assertThat(fetch(player.uri(), "bytes=0-1023").statusCode()).as("a stream of a key issued before")
                .isEqualTo(503);
        assertThat(anonymousStatus(app).path("isVpnActive").asBoolean()).isFalse();

        Thread.sleep(2_000);
        assertThat(torrent.status().bytesDownloaded()).as("payload downloaded while down").isEqualTo(downloadedAtPause);
        assertThat(torrent.status().bytesDone()).isEqualTo(doneAtPause);
        long homePackets = lab.homeTxPackets() - homePacketsBefore;
        assertThat(homePackets).as("packets through the home link while the VPN was down").isZero();
        log.info("VPN down: refused after {} ms, paused after {} ms, stream ended after {} ms at byte {} ({}),"
                        + " {} of {} bytes downloaded, {} home packets in {} ms", refusedMillis, pausedMillis,
                streamEndedMillis, player.received(), player.ending(), doneAtPause, seeded.size(), homePackets,
                millisSince(droppedAt));
        assertTheHomeRouteIsThere(lab);
    }

    /** An unbound request to the peer leaves through the home link: counting its packets is a check that can fail. */
    private static void assertTheHomeRouteIsThere(NetnsLab lab) {
        long before = lab.homeTxPackets();
        try (HttpClient unbound = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build()) {
            URI peer = URI.create("http://" + lab.peerAddress() + ":" + YTS_PORT + "/");
            assertThatThrownBy(() -> unbound.send(HttpRequest.newBuilder(peer).build(),
                    HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
        }
        assertThat(lab.homeTxPackets()).as("an unbound request takes the home route").isGreaterThan(before);
    }

    private void afterTheVpnIsBack(NetnsLab lab, ConfigurableApplicationContext app, ApiClient api,
            SeededTorrent seeded) throws Exception {
        NetworkGate gate = app.getBean(NetworkGate.class);
        TorrentEngine engine = app.getBean(TorrentEngine.class);
        long upAt = System.nanoTime();
        lab.vpnUp();
        waitFor("torrent traffic allowed again", gate::isTorrentTrafficAllowed, Duration.ofSeconds(3));
        long allowedMillis = millisSince(upAt);
        waitFor("the torrent session resumed", () -> !engine.isPaused(), Duration.ofSeconds(3));
        assertThat(anonymousStatus(app).path("isVpnActive").asBoolean()).isTrue();

        String key = play(api);
        HttpResponse<InputStream> whole = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(streamUri(app, key)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(Swarm.sha256(whole.body())).as("the whole stream is the seeded file").isEqualTo(seeded.sha256());
        log.info("VPN back: allowed after {} ms, whole file ({} bytes) streamed {} ms after the link returned",
                allowedMillis, seeded.size(), millisSince(upAt));
    }

    private static String play(ApiClient api) {
        ApiClient.Response play = api.post("/api/movies/" + MOVIE + "/auto", "");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        return play.json().path("streamingKey").asString();
    }

    /** The fake YTS in the inet namespace: a static file server whose one answer lists the seeded torrent. */
    private void serveYts(NetnsLab lab, SeededTorrent seeded) throws IOException {
        Path root = swarmDir.resolve("yts");
        Path api = Files.createDirectories(root.resolve("api/v2"));
        Files.writeString(api.resolve("list_movies.json"), FakeYts.searchAnswer(
                "http://" + lab.peerAddress() + ":" + YTS_PORT, IMDB, "Helpful Monkey", 1985,
                List.of(FakeYts.Torrent.of(seeded.infoHash(), "720p", seeded.size()))));
        lab.startHttpServer(YTS_PORT, root);
    }

    private ConfigurableApplicationContext start(NetnsLab lab, Swarm swarm, FakeTmdb tmdb) {
        return new SpringApplicationBuilder(MarqueeApplication.class).run(
                "--marquee.data-dir=" + dataDir, "--server.port=0",
                "--marquee.vpn.interface=" + lab.vpnInterface(), "--marquee.vpn.required=true",
                "--marquee.vpn.check-interval=200ms",
                // TMDB is metadata: unbound, so its fake can stay on the host's loopback
                "--marquee.vpn.bind-metadata-apis=false",
                "--marquee.tmdb.base-url=" + tmdb.baseUrl(), "--marquee.tmdb.requests-per-second=1000",
                "--marquee.yts.mirrors=http://" + lab.peerAddress() + ":" + YTS_PORT + "/api/v2",
                "--marquee.torrent.trackers=" + swarm.tracker().httpAnnounceUrl(), // HTTP: see StreamingIT
                "--marquee.torrent.dht=false", "--marquee.torrent.lsd=false",
                "--marquee.streaming.read-timeout=10s");
    }

    private static ActiveTorrent torrent(ConfigurableApplicationContext app, SeededTorrent seeded) {
        return app.getBean(TorrentEngine.class).find(InfoHash.of(seeded.infoHash())).orElseThrow();
    }

    private static JsonNode anonymousStatus(ConfigurableApplicationContext app) {
        return ApiClient.anonymous(port(app)).get("/api/status").json().path("vpn");
    }

    private static URI streamUri(ConfigurableApplicationContext app, String key) {
        return URI.create("http://127.0.0.1:" + port(app) + "/api/stream/" + key);
    }

    private static HttpResponse<Void> fetch(URI uri, String range) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(uri).header("Range", range).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static void waitFor(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + limit);
            }
            Thread.sleep(20);
        }
    }


    /**
     * A player reading a whole stream from its start as fast as it comes (so it waits at the download's edge),
     * on a thread of its own, checking each byte against the file. It ends at the stream's end or on an error.
     */
    private static final class Player implements AutoCloseable {

        private final URI uri;
        private final byte[] expected;
        private final HttpClient http = HttpClient.newHttpClient();
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong firstWrongByte = new AtomicLong(-1);
        private final AtomicLong endedAt = new AtomicLong();
        private final AtomicReference<@Nullable String> ending = new AtomicReference<>();
        private final Thread thread;

        Player(URI uri, byte[] expected) {
            this.uri = uri;
            this.expected = expected;
            this.thread = Thread.ofPlatform().daemon().name("player").start(this::read);
        }

        private void read() {
            String how;
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        check(buffer, n);
                    }
                }
                how = "HTTP " + response.statusCode() + ", end of body";
            } catch (IOException e) {
                how = e.toString();
            } catch (InterruptedException e) {
                how = "interrupted";
            }
            endedAt.set(System.nanoTime());
            ending.set(how);
        }

        private void check(byte[] buffer, int n) {
            long at = received.get();
            for (int i = 0; i < n && firstWrongByte.get() < 0; i++) {
                if (at + i >= expected.length || buffer[i] != expected[(int) (at + i)]) {
                    firstWrongByte.set(at + i);
                }
            }
            received.addAndGet(n);
        }

        URI uri() {
            return uri;
        }

        long received() {
            return received.get();
        }

        long firstWrongByte() {
            return firstWrongByte.get();
        }

        boolean hasEnded() {
            return ending.get() != null;
        }

        /** When it ended ({@link System#nanoTime()}); only once {@link #hasEnded()}. */
        long endedAt() {
            return endedAt.get();
        }

        /** How it ended: the error, or the end of the body. */
        @Nullable String ending() {
            return ending.get();
        }

        @Override
        public void close() {
            http.shutdownNow();
            thread.interrupt();
        }
    }
}
