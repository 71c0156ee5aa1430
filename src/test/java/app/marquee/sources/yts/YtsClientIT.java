package app.marquee.sources.yts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.sources.mirrors.MirrorHealth;
import app.marquee.support.ApiClient;
import app.marquee.support.FakeYts;
import app.marquee.support.FakeIndexer.Mode;
import app.marquee.support.MovableClock;
import app.marquee.support.MovableClockConfiguration;

/**
 * YTS searches against five local mirrors that misbehave as dead mirrors do. The cooldown is moved on the
 * application's clock; the request spacing is real time, measured where the fakes receive the requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClockConfiguration.class)
class YtsClientIT {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration MIN_INTERVAL = Duration.ofMillis(250);
    /** The Shawshank recording: three torrents. */
    static final String RECORDED = "tt0111161";
    static final List<String> RECORDED_HASHES = List.of("7D0178DB0B21FE824C176AEAE4C86EDC00BFAA8E",
            "A17B7E2CA1316AA859B3C2CBF75B43290E8A33F8", "94C6B031C8237C43B2ED2F04FF15D3AA8B2E544C");

    @TempDir
    static Path dataDir;
    static final FakeYts[] mirror = {FakeYts.start(), FakeYts.start(), FakeYts.start(), FakeYts.start(), FakeYts.start()};

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("marquee.data-dir", () -> dataDir.toString());
        registry.add("marquee.sync.enabled", () -> "false");
        FakeYts.register(registry, mirror);
        registry.add("marquee.yts.timeout", TIMEOUT::toString);
        registry.add("marquee.yts.min-interval", MIN_INTERVAL::toString);
    }

    @AfterAll
    static void stopMirrors() {
        Arrays.stream(mirror).forEach(FakeYts::close);
    }

    @LocalServerPort
    int port;
    @Autowired
    YtsClient yts;
    @Autowired
    YtsProperties properties;
    @Autowired
    MovableClock clock;

    @BeforeEach
    void reset() {
        Arrays.stream(mirror).forEach(FakeYts::reset);
        yts.restart();
    }

    @Test
    void failsOverPastATimeoutAndAParkingPageThenGoesStraightToTheMirrorThatAnswered() {
        mirror[0].mode(Mode.TIMEOUT);
        mirror[1].mode(Mode.HTML_200);

        List<YtsTorrent> torrents = yts.searchByImdbId(RECORDED);

        assertThat(torrents).extracting(YtsTorrent::hash).containsExactlyElementsOf(RECORDED_HASHES);
        YtsTorrent first = torrents.getFirst();
        assertThat(first).isEqualTo(new YtsTorrent("7D0178DB0B21FE824C176AEAE4C86EDC00BFAA8E", "720p", "bluray", "x264",
                "8", "2.0", 100, 39, 890199081L, Instant.ofEpochSecond(1446344423),
                "http://yts-mock/torrent/download/7D0178DB0B21FE824C176AEAE4C86EDC00BFAA8E", "Hungry Skunk", 1994));
        assertThat(calls()).containsExactly(1, 1, 1, 0, 0);

        assertThat(yts.searchByImdbId(RECORDED)).hasSize(3);
        assertThat(calls()).containsExactly(1, 1, 2, 0, 0);

        assertThat(yts.mirrors()).extracting(MirrorHealth::state).containsExactly(MirrorHealth.State.COOLING_DOWN,
                MirrorHealth.State.COOLING_DOWN, MirrorHealth.State.AVAILABLE, MirrorHealth.State.AVAILABLE,
                MirrorHealth.State.AVAILABLE);
        assertThat(yts.mirrors().get(0).lastError()).contains("no answer within");
        assertThat(yts.mirrors().get(1).lastError()).contains("200", "text/html");
        assertThat(ytsStatus()).isEqualTo("degraded");
    }

    @Test
    void mirrorsThatFailedAreProbedAgainOnceTheCooldownHasPassed() {
        mirror[0].mode(Mode.TIMEOUT);
        mirror[1].mode(Mode.HTML_200);
        yts.searchByImdbId(RECORDED); // answered by the third
        mirror[0].mode(Mode.RECORDED);
        mirror[1].mode(Mode.RECORDED);

        // within the cooldown the first two stay skipped, though they would answer now
        mirror[2].mode(Mode.ERROR_500);
        assertThat(yts.searchByImdbId(RECORDED)).hasSize(3);
        assertThat(calls()).containsExactly(1, 1, 2, 1, 0);

        clock.advance(properties.mirrorCooldown().plusSeconds(1));
        mirror[3].mode(Mode.ERROR_500);
        // the fourth (last to answer) fails; the first is next in order and is probed
        assertThat(yts.searchByImdbId(RECORDED)).hasSize(3);
        assertThat(calls()).containsExactly(2, 1, 2, 2, 0);
        assertThat(yts.mirrors().getFirst().state()).isEqualTo(MirrorHealth.State.AVAILABLE);

        assertThat(yts.searchByImdbId(RECORDED)).hasSize(3);
        assertThat(calls()).containsExactly(3, 1, 2, 2, 0);
    }

    @Test
    void whenEveryMirrorIsDeadASearchFailsQuicklyAndYtsIsReportedDown() {
        assertThat(ytsStatus()).isEqualTo("running");
        Arrays.stream(mirror).forEach(m -> m.mode(Mode.DEAD));

        long started = System.nanoTime();
        assertThatThrownBy(() -> yts.searchByImdbId(RECORDED))
                .isInstanceOfSatisfying(YtsUnavailableException.class, e -> {
                    assertThat(e.reasons()).containsOnlyKeys(Arrays.stream(mirror).map(FakeYts::apiRoot).toList());
                    assertThat(e.reasons().values()).allSatisfy(reason -> assertThat(reason).startsWith("unreachable"));
                    assertThat(e.getMessage()).contains(mirror[4].apiRoot().toString());
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(ytsStatus()).isEqualTo("down");

        // while they cool down, nobody is even asked
        assertThatThrownBy(() -> yts.searchByImdbId(RECORDED))
                .isInstanceOf(YtsUnavailableException.class)
                .hasMessageContaining("cooling down");
    }

    @Test
    void rateLimitedAndFailingMirrorsAreFailedOverToo() {
        mirror[0].mode(Mode.RATE_LIMITED_429);
        mirror[1].mode(Mode.ERROR_500);

        assertThat(yts.searchByImdbId(RECORDED)).extracting(YtsTorrent::hash).containsExactlyElementsOf(RECORDED_HASHES);

        assertThat(calls()).containsExactly(1, 1, 1, 0, 0);
        assertThat(yts.mirrors().get(0).lastError()).contains("429");
        assertThat(yts.mirrors().get(1).lastError()).contains("500");
    }

    @Test
    void aMovieYtsDoesNotKnowIsAnEmptyAnswerWithoutFailover() {
        assertThat(yts.searchByImdbId("tt9999999")).isEmpty(); // no recording: the fake's empty search
        assertThat(yts.searchByImdbId("tt11655566")).isEmpty(); // recorded movie_count 0

        assertThat(calls()).containsExactly(2, 0, 0, 0, 0);
        assertThat(ytsStatus()).isEqualTo("running");
    }

    @Test
    void aServedAnswerIsReadLikeARecordedOne() {
        String hash = "0123456789abcdef0123456789abcdef01234567";
        mirror[0].serve("tt7654321", "Local Seed", 2024, List.of(
                FakeYts.Torrent.of(hash, "1080p", 5_000_000L), FakeYts.Torrent.of("not-an-info-hash", "720p", 1L)));

        List<YtsTorrent> torrents = yts.searchByImdbId("tt7654321");

        assertThat(torrents).singleElement().satisfies(t -> {
            assertThat(t.hash()).isEqualTo(hash);
            assertThat(t.quality()).isEqualTo("1080p");
            assertThat(t.sizeBytes()).isEqualTo(5_000_000L);
            assertThat(t.seeds()).isEqualTo(10);
            assertThat(t.movieTitle()).isEqualTo("Local Seed");
            assertThat(t.year()).isEqualTo(2024);
            assertThat(t.uploadedAt()).isNotNull();
        });
    }

    @Test
    void requestsToOneMirrorAreAtLeastTheMinIntervalApart() {
        for (int i = 0; i < 3; i++) {
            yts.searchByImdbId(RECORDED);
        }

        List<FakeYts.Call> calls = mirror[0].callLog();
        assertThat(calls).hasSize(3);
        for (int i = 1; i < calls.size(); i++) {
            Duration gap = Duration.ofNanos(calls.get(i).nanoTime() - calls.get(i - 1).nanoTime());
            // measured where the fake receives them, so delivery jitter of a few ms either way is allowed for
            assertThat(gap).isGreaterThanOrEqualTo(MIN_INTERVAL.minusMillis(10));
        }
    }

    private List<Integer> calls() {
        return Arrays.stream(mirror).map(FakeYts::calls).toList();
    }

    private String ytsStatus() {
        return ApiClient.anonymous(port).get("/api/status").json().path("services").path("yts").path("status").asString();
    }
}
