package app.marquee.sources.eztv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.sources.mirrors.MirrorHealth;
import app.marquee.support.ApiClient;
import app.marquee.support.FakeEztv;
import app.marquee.support.FakeIndexer.Mode;

/** EZTV searches against three local mirrors that misbehave as dead mirrors do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EztvClientIT {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final String SHOW = "tt6048596";

    @TempDir
    static Path dataDir;
    static final FakeEztv[] mirror = {FakeEztv.start(), FakeEztv.start(), FakeEztv.start()};

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("marquee.data-dir", () -> dataDir.toString());
        registry.add("marquee.sync.enabled", () -> "false");
        FakeEztv.register(registry, mirror);
        registry.add("marquee.indexers.eztv.timeout", TIMEOUT::toString);
        registry.add("marquee.indexers.eztv.min-interval", () -> "20ms");
    }

    @AfterAll
    static void stopMirrors() {
        Arrays.stream(mirror).forEach(FakeEztv::close);
    }

    @LocalServerPort
    int port;
    @Autowired
    EztvClient eztv;

    @BeforeEach
    void reset() {
        Arrays.stream(mirror).forEach(FakeEztv::reset);
        eztv.restart();
    }

    @Test
    void failsOverPastATimeoutAndAParkingPageThenGoesStraightToTheMirrorThatAnswered() {
        Arrays.stream(mirror).forEach(m -> m.serve(SHOW, episodes(3)));
        mirror[0].mode(Mode.TIMEOUT);
        mirror[1].mode(Mode.HTML_200);

        List<EztvTorrent> torrents = eztv.searchShow(SHOW);

        assertThat(torrents).extracting(EztvTorrent::episode).containsExactly(1, 2, 3);
        assertThat(torrents.getFirst().season()).isEqualTo(1);
        assertThat(torrents.getFirst().magnet()).startsWith("magnet:?xt=urn:btih:" + hash(0));
        assertThat(torrents.getFirst().size()).isEqualTo(700_000_000L);
        assertThat(calls()).containsExactly(1, 1, 1);
        assertThat(mirror[2].callLog().getFirst().request())
                .isEqualTo("/api/get-torrents?imdb_id=6048596&limit=100&page=1");

        assertThat(eztv.searchShow(SHOW)).hasSize(3);
        assertThat(calls()).containsExactly(1, 1, 2);
        assertThat(eztv.mirrors()).extracting(MirrorHealth::state).containsExactly(MirrorHealth.State.COOLING_DOWN,
                MirrorHealth.State.COOLING_DOWN, MirrorHealth.State.AVAILABLE);
        assertThat(eztv.mirrors().get(0).lastError()).contains("no answer within");
        assertThat(eztv.mirrors().get(1).lastError()).contains("200", "text/html");
        assertThat(eztvStatus()).isEqualTo("degraded");
    }

    @Test
    void followsThePagesUntilEveryTorrentIsRead() {
        mirror[0].serve(SHOW, episodes(250));

        List<EztvTorrent> torrents = eztv.searchShow(SHOW);

        assertThat(torrents).hasSize(250);
        assertThat(torrents).extracting(t -> t.infoHash().hex())
                .containsExactlyElementsOf(IntStream.range(0, 250).mapToObj(EztvClientIT::hash).toList());
        assertThat(mirror[0].callLog()).extracting(FakeEztv.Call::request).containsExactly(
                "/api/get-torrents?imdb_id=6048596&limit=100&page=1",
                "/api/get-torrents?imdb_id=6048596&limit=100&page=2",
                "/api/get-torrents?imdb_id=6048596&limit=100&page=3");
    }

    @Test
    void whenEveryMirrorIsDeadASearchFailsQuicklyAndEztvIsReportedDown() {
        assertThat(eztvStatus()).isEqualTo("running");
        Arrays.stream(mirror).forEach(m -> m.mode(Mode.DEAD));

        long started = System.nanoTime();
        assertThatThrownBy(() -> eztv.searchShow(SHOW))
                .isInstanceOfSatisfying(EztvUnavailableException.class, e -> {
                    assertThat(e.reasons()).containsOnlyKeys(Arrays.stream(mirror).map(FakeEztv::apiRoot).toList());
                    assertThat(e.reasons().values()).allSatisfy(reason -> assertThat(reason).startsWith("unreachable"));
                    assertThat(e.getMessage()).contains(mirror[2].apiRoot().toString());
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(eztvStatus()).isEqualTo("down");
    }

    @Test
    void aShowEztvDoesNotKnowIsAnEmptyAnswerWithoutFailover() {
        assertThat(eztv.searchShow("tt9999999")).isEmpty();

        assertThat(calls()).containsExactly(1, 0, 0);
        assertThat(eztvStatus()).isEqualTo("running");
    }

    /** Season 1, episodes 1 to {@code count}, each with its own hash. */
    private static List<FakeEztv.Torrent> episodes(int count) {
        return IntStream.range(0, count).mapToObj(i -> FakeEztv.Torrent.of(hash(i), 1, i + 1)).toList();
    }

    private static String hash(int i) {
        return "00000000000000000000000000000000" + HexFormat.of().toHexDigits(i);
    }

    private List<Integer> calls() {
        return Arrays.stream(mirror).map(FakeEztv::calls).toList();
    }

    private String eztvStatus() {
        return ApiClient.anonymous(port).get("/api/status").json().path("services").path("eztv").path("status").asString();
    }
}
