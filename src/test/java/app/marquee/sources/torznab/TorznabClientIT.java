package app.marquee.sources.torznab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import app.marquee.platform.ServiceMetrics;
import app.marquee.support.ApiClient;
import app.marquee.support.FakeTorznab;
import app.marquee.support.FakeIndexer.Mode;
import app.marquee.support.MovableClock;
import app.marquee.support.MovableClockConfiguration;

/**
 * Two Torznab endpoints ({@code alpha}, {@code beta}) against two local fakes, and a third ({@code wrongkey})
 * pointed at alpha's fake with a key it refuses. The cooldown is moved on the application's clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class TorznabClientIT {

    static final String ALPHA_KEY = "alpha-key-5f3a9c0d";
    static final String BETA_KEY = "beta-key-c41e7b22";
    static final String WRONG_KEY = "wrong-key-9d8e7f6a";
    static final String MOVIE = "tt0111161";
    static final String HASH = "0123456789abcdef0123456789abcdef01234567";
    static final String MAGNET_HASH = "89abcdef0123456789abcdef0123456789abcdef";
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration COOLDOWN = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;
    static final FakeTorznab alphaFake = FakeTorznab.start(ALPHA_KEY);
    static final FakeTorznab betaFake = FakeTorznab.start(BETA_KEY);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("marquee.data-dir", () -> dataDir.toString());
        registry.add("marquee.sync.enabled", () -> "false");
        endpoint(registry, 0, "alpha", alphaFake, ALPHA_KEY);
        endpoint(registry, 1, "beta", betaFake, BETA_KEY);
        endpoint(registry, 2, "wrongkey", alphaFake, WRONG_KEY);
    }

    static void endpoint(DynamicPropertyRegistry registry, int n, String name, FakeTorznab fake, String key) {
        String prefix = "marquee.indexers.torznab[" + n + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "url", () -> fake.url().toString());
        registry.add(prefix + "api-key", () -> key);
        registry.add(prefix + "timeout", TIMEOUT::toString);
        registry.add(prefix + "min-interval", () -> "0s");
        registry.add(prefix + "cooldown", COOLDOWN::toString);
    }

    @AfterAll
    static void stopFakes() {
        alphaFake.close();
        betaFake.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    TorznabClient torznab;
    @Autowired
    MovableClock clock;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void reset() {
        alphaFake.reset();
        betaFake.reset();
        torznab.restart();
        List<FakeTorznab.Item> items = List.of(
                new FakeTorznab.Item("Hungry.Skunk.1994.1080p.BluRay.x264", HASH, null, 2_000_000_000L, 120, 150),
                new FakeTorznab.Item("Hungry.Skunk.1994.720p.WEB", null,
                        "magnet:?xt=urn:btih:" + MAGNET_HASH + "&dn=Hungry", 900_000_000L, 4, 4),
                new FakeTorznab.Item("Hungry.Skunk.1994.Torrent.Only", null, null, 1_000L, 1, 1));
        alphaFake.serve(MOVIE, items);
        betaFake.serve(MOVIE, items.subList(0, 1));
    }

    @Test
    void eachEndpointIsSearchedWithTheImdbIdWithoutTtInTheMoviesCategory() {
        assertThat(torznab.indexers()).extracting(TorznabIndexer::name).containsExactly("alpha", "beta", "wrongkey");

        List<TorznabResult> results = indexer("alpha").searchMovie(MOVIE);

        assertThat(results).extracting(r -> r.infoHash().hex()).containsExactly(HASH, MAGNET_HASH);
        TorznabResult first = results.getFirst();
        assertThat(first.indexer()).isEqualTo("alpha");
        assertThat(first.seeders()).isEqualTo(120);
        assertThat(first.leechers()).isEqualTo(30);
        assertThat(first.size()).isEqualTo(2_000_000_000L);
        assertThat(first.published()).isNotNull();
        assertThat(results.get(1).leechers()).isZero();
        assertThat(results.get(1).magnet()).contains(MAGNET_HASH);

        assertThat(alphaFake.callLog()).singleElement().satisfies(call -> assertThat(call.request())
                .startsWith("/1/api?")
                .contains("t=movie", "imdbid=0111161&", "cat=2000", "extended=1", "apikey=" + ALPHA_KEY)
                .doesNotContain("tt0111161"));
        assertThat(indexer("beta").searchMovie(MOVIE)).hasSize(1);
        assertThat(indexer("beta").searchMovie("tt7654321")).isEmpty();
        assertThat(meters.get(ServiceMetrics.REQUESTS).tag(ServiceMetrics.SERVICE_TAG, "torznab-alpha").timer().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(status("torznab-alpha").path("status").asString()).isEqualTo("running");
    }

    @Test
    void aWrongApiKeyIsAClearFailureThatNeverShowsTheKey(CapturedOutput output) {
        assertThatThrownBy(() -> indexer("wrongkey").searchMovie(MOVIE))
                .isInstanceOfSatisfying(TorznabException.class, e -> {
                    assertThat(e.indexer()).isEqualTo("wrongkey");
                    assertThat(e.getMessage()).contains("wrongkey", "401", "Torznab error 100: Invalid API Key")
                            .doesNotContain(WRONG_KEY).doesNotContain(ALPHA_KEY);
                });

        JsonNode status = status("torznab-wrongkey");
        assertThat(status.path("status").asString()).isEqualTo("down");
        assertThat(status.path("message").asString()).contains("Invalid API Key").doesNotContain(WRONG_KEY);
        assertThat(output.getAll()).contains("wrongkey").doesNotContain(WRONG_KEY).doesNotContain(ALPHA_KEY);
        assertThat(torznab.indexers().toString() + indexer("alpha").searchMovie(MOVIE)).doesNotContain(ALPHA_KEY);
    }

    @Test
    void aDeadEndpointFailsFastAndIsShownDownWhileTheOtherKeepsAnswering() {
        betaFake.mode(Mode.DEAD);

        long started = System.nanoTime();
        assertThatThrownBy(() -> indexer("beta").searchMovie(MOVIE))
                .isInstanceOf(TorznabException.class)
                .hasMessageContaining("beta")
                .hasMessageContaining("unreachable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        // while it cools down it is not even asked
        betaFake.mode(Mode.RECORDED);
        assertThatThrownBy(() -> indexer("beta").searchMovie(MOVIE)).hasMessageContaining("cooling down");
        assertThat(betaFake.calls()).isZero();
        assertThat(indexer("alpha").searchMovie(MOVIE)).hasSize(2);

        JsonNode beta = status("torznab-beta");
        assertThat(beta.path("status").asString()).isEqualTo("down");
        assertThat(beta.path("message").asString()).contains("unreachable");
        assertThat(status("torznab-alpha").path("status").asString()).isEqualTo("running");

        clock.advance(COOLDOWN.plusSeconds(1));
        assertThat(indexer("beta").searchMovie(MOVIE)).hasSize(1); // the probe answers and closes it again
        assertThat(status("torznab-beta").path("status").asString()).isEqualTo("running");
    }

    @Test
    void errorStatusesRateLimitsTimeoutsAndPagesThatAreNotTorznabAreFailures() {
        alphaFake.mode(Mode.ERROR_500);
        assertThatThrownBy(() -> indexer("alpha").searchMovie(MOVIE)).hasMessageContaining("answered 500");

        torznab.restart();
        alphaFake.mode(Mode.HTML_200);
        assertThatThrownBy(() -> indexer("alpha").searchMovie(MOVIE)).hasMessageContaining("not XML");

        torznab.restart();
        alphaFake.mode(Mode.RATE_LIMITED_429);
        assertThatThrownBy(() -> indexer("alpha").searchMovie(MOVIE)).hasMessageContaining("answered 429: rate limited");

        torznab.restart();
        alphaFake.mode(Mode.TIMEOUT);
        long started = System.nanoTime();
        assertThatThrownBy(() -> indexer("alpha").searchMovie(MOVIE)).hasMessageContaining("no answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusSeconds(2));
        assertThat(meters.get(ServiceMetrics.ERRORS).tag(ServiceMetrics.SERVICE_TAG, "torznab-alpha").counter().count())
                .isGreaterThanOrEqualTo(4);
    }

    private TorznabIndexer indexer(String name) {
        return torznab.indexers().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private JsonNode status(String service) {
        return ApiClient.anonymous(port).get("/api/status").json().path("services").path(service);
    }
}
