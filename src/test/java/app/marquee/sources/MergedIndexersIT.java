package app.marquee.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.sources.torznab.TorznabClient;
import app.marquee.sources.yts.YtsClient;
import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeTorznab;
import app.marquee.support.FakeYts;
import tools.jackson.databind.JsonNode;

/**
 * A movie's sources come from every indexer, merged by info-hash; one indexer down leaves the others working
 * and is shown down in {@code /api/status}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MergedIndexersIT {

    /** YTS's recording for movie 120 lists these three torrents (720p, 1080p, 2160p), each with 100 seeds. */
    private static final String YTS_720P = "C7F3CF9EBC08AE3064ABA04DC464821452C6B545";
    private static final String TORZNAB_ONLY = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    static Path dataDir;
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeYts yts = FakeYts.start();
    static FakeTorznab prowlarr = FakeTorznab.start("prowlarr-key");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        FakeYts.register(registry, yts);
        registry.add("marquee.indexers.torznab[0].name", () -> "prowlarr");
        registry.add("marquee.indexers.torznab[0].url", () -> prowlarr.url().toString());
        registry.add("marquee.indexers.torznab[0].api-key", () -> "prowlarr-key");
        registry.add("marquee.indexers.torznab[0].min-interval", () -> "0s");
        registry.add("marquee.indexers.torznab[0].timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        tmdb.close();
        yts.close();
        prowlarr.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    YtsClient ytsClient;
    @Autowired
    TorznabClient torznabClient;

    @Test
    void sourcesOfAllIndexersAreMergedByInfoHash() {
        prowlarr.serve("tt0120737", List.of(
                new FakeTorznab.Item("Influential.Bat.2001.720p.BluRay.x264-GRP", YTS_720P, null, 1_100_000_000L, 250, 260),
                new FakeTorznab.Item("Influential.Bat.2001.1080p.WEB-DL.x265.10bit-GRP", TORZNAB_ONLY, null,
                        2_000_000_000L, 40, 45),
                // obvious fakes: another film's name, a 30 MB "1080p"
                new FakeTorznab.Item("Another.Film.2001.1080p.BluRay", "1".repeat(40), null, 2_000_000_000L, 900, 900),
                new FakeTorznab.Item("Influential.Bat.2001.1080p.BluRay.x264", "2".repeat(40), null, 30_000_000L, 900, 900)));
        ApiClient api = new ApiClient(port);

        JsonNode sources = api.get("/api/movies/120?includeSources=true").json().path("sources");

        // YTS's three, and one more from Torznab; the shared one once, the fakes not at all
        assertThat(sources).hasSize(4);
        assertThat(sources.valueStream().filter(s -> s.path("source").asString().equals("prowlarr")))
                .singleElement().satisfies(s -> {
                    assertThat(s.path("quality").asString()).isEqualTo("1080p");
                    assertThat(s.path("videoCodec").asString()).isEqualTo("x265");
                    assertThat(s.path("broadcasters").asInt()).isEqualTo(40);
                    assertThat(s.path("watchers").asInt()).isEqualTo(5);
                });
        // listed by both: YTS's listing, with the higher seeder count of the two
        assertThat(sources.valueStream().filter(s -> s.path("quality").asString().equals("720p")))
                .singleElement().satisfies(s -> {
                    assertThat(s.path("source").asString()).isEqualTo("YTS");
                    assertThat(s.path("broadcasters").asInt()).isEqualTo(250);
                });
    }

    @Test
    void oneIndexerDownLeavesTheOthersWorkingAndIsShownDown() {
        yts.serve("tt0167261", "Genuine Cattle", 2003, List.of(
                FakeYts.Torrent.of("1111111111111111111111111111111111111111", "1080p", 2_000_000_000L)));
        prowlarr.mode(FakeTorznab.Mode.DEAD);
        try {
            ApiClient api = new ApiClient(port);
            JsonNode sources = api.get("/api/movies/121?includeSources=true").json().path("sources");
            assertThat(sources).singleElement().satisfies(s -> assertThat(s.path("source").asString()).isEqualTo("YTS"));
            // an indexer that has answered before is set aside after its second failure in a row
            assertThat(api.get("/api/movies/122?includeSources=true").status()).isEqualTo(200);
            JsonNode status = ApiClient.anonymous(port).get("/api/status").json().path("services");
            assertThat(status.path("torznab-prowlarr").path("status").asString()).isEqualTo("down");
            assertThat(status.path("yts").path("status").asString()).isEqualTo("running");
            // the stats page shows each indexer's health beside its call counts
            JsonNode stats = api.get("/api/stats").json();
            assertThat(stats.path("health").path("torznab-prowlarr").path("status").asString()).isEqualTo("down");
            assertThat(stats.path("health").path("torznab-prowlarr").path("message").asString())
                    .contains("unreachable").doesNotContain("prowlarr-key");
            assertThat(stats.path("health").path("eztv").path("status").asString()).isNotEmpty();
            assertThat(stats.path("services").path("torznab-prowlarr").path("errors").asLong()).isPositive();
        } finally {
            prowlarr.mode(FakeTorznab.Mode.RECORDED);
            torznabClient.restart();
        }
    }

    @Test
    void withEveryIndexerDownAPlayRequestSaysSourcesAreTemporarilyUnavailable() {
        yts.mode(FakeYts.Mode.DEAD);
        prowlarr.mode(FakeTorznab.Mode.DEAD);
        try {
            ApiClient api = new ApiClient(port);
            ApiClient.Response play = api.post("/api/movies/105/auto", "");
            assertThat(play.status()).as(play.body()).isEqualTo(503);
            assertThat(play.json().path("error").asString()).isEqualTo("Sources temporarily unavailable");
            // the catalog still answers, with no sources yet
            ApiClient.Response movie = api.get("/api/movies/105?includeSources=true");
            assertThat(movie.status()).isEqualTo(200);
            assertThat(movie.json().path("sources")).isEmpty();
        } finally {
            yts.mode(FakeYts.Mode.RECORDED);
            prowlarr.mode(FakeTorznab.Mode.RECORDED);
            ytsClient.restart(); // forget the failures, so the other tests find both indexers answering
            torznabClient.restart();
        }
    }
}
