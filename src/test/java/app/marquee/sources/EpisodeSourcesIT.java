package app.marquee.sources;

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
import java.util.LinkedHashMap;
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
import app.marquee.sync.SyncTask;
import app.marquee.support.FakeEztv;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeTorznab;
import app.marquee.support.swarm.Swarm;
import app.marquee.support.swarm.Swarm.SeededTorrent;
import app.marquee.support.swarm.TestVideo;
import tools.jackson.databind.JsonNode;

/**
 * Episodes of a recorded show ("Interior Ocelot", TMDB 14981, IMDb tt0437729) get their sources from EZTV and a
 * Torznab indexer, merged by info-hash with other episodes and fakes left out; an episode inside a season pack
 * (three ffmpeg-made episodes, seeded by aria2c on a loopback swarm) streams byte-exact while the pack's other
 * episodes are not downloaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EpisodeSourcesIT {

    private static final String SHOW_IMDB = "tt0437729";
    private static final String EZTV_E02 = "a".repeat(40);
    private static final String TORZNAB_E02 = "b".repeat(40);
    private static final String EZTV_E03 = "c".repeat(40);
    private static final String OTHER_SHOW = "d".repeat(40);
    private static final String TINY_FAKE = "e".repeat(40);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path swarmDir;
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeEztv eztv = FakeEztv.start();
    static FakeTorznab prowlarr = FakeTorznab.start("prowlarr-key");
    static Swarm swarm;
    static SeededTorrent pack;
    static Map<String, Path> episodes = new LinkedHashMap<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        swarm = Swarm.start(swarmDir);
        // three episodes of different lengths, so no two files are alike
        episodes.put("Interior.Ocelot.S01E01.720p.WEB.x264-PACK.mp4", TestVideo.ofAbout(2_000_000));
        episodes.put("Interior.Ocelot.S01E02.720p.WEB.x264-PACK.mp4", TestVideo.ofAbout(3_000_000));
        episodes.put("Interior.Ocelot.S01E03.720p.WEB.x264-PACK.mp4", TestVideo.ofAbout(4_000_000));
        pack = swarm.seedFiles("Interior.Ocelot.S01.720p.WEB.x264-PACK", episodes, 64 * 1024);
        long packSize = episodes.values().stream().mapToLong(EpisodeSourcesIT::size).sum();

        eztv.serve(SHOW_IMDB, List.of(
                new FakeEztv.Torrent(EZTV_E02, "Interior Ocelot S01E02 1080p WEB h264-GRP EZTV", 1, 2, 900_000_000L, 30, 4),
                new FakeEztv.Torrent(EZTV_E03, "Interior Ocelot S01E03 1080p WEB h264-GRP EZTV", 1, 3, 900_000_000L, 30, 4),
                new FakeEztv.Torrent(pack.infoHash(), "Interior Ocelot S01 720p WEB x264-PACK EZTV", 1, 0, packSize, 12, 1),
                new FakeEztv.Torrent(OTHER_SHOW, "Exterior Lynx S01E02 1080p WEB h264-GRP EZTV", 1, 2, 900_000_000L, 99, 9),
                new FakeEztv.Torrent(TINY_FAKE, "Interior Ocelot S01E02 1080p WEB h264-FAKE EZTV", 1, 2, 2_000_000L, 99, 9)));
        prowlarr.serveTv(SHOW_IMDB, 1, 2, List.of(
                new FakeTorznab.Item("Interior.Ocelot.S01E02.2160p.WEB.h265-TZ", TORZNAB_E02, null, 3_000_000_000L, 50, 55),
                // EZTV's torrent again: listed once
                new FakeTorznab.Item("Interior.Ocelot.S01E02.1080p.WEB.h264-GRP", EZTV_E02, null, 900_000_000L, 80, 81)));
        tmdb.register(registry, () -> dataDir);
        FakeEztv.register(registry, eztv);
        registry.add("marquee.indexers.eztv.min-interval", () -> "0s");
        registry.add("marquee.indexers.torznab[0].name", () -> "prowlarr");
        registry.add("marquee.indexers.torznab[0].url", () -> prowlarr.url().toString());
        registry.add("marquee.indexers.torznab[0].api-key", () -> "prowlarr-key");
        registry.add("marquee.indexers.torznab[0].min-interval", () -> "0s");
        registry.add("marquee.torrent.trackers", () -> swarm.tracker().httpAnnounceUrl()); // see StreamingIT
        registry.add("marquee.sources.min-video-size", () -> "1KB");
    }

    @AfterAll
    static void stop() {
        tmdb.close();
        eztv.close();
        prowlarr.close();
        swarm.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<SyncTask> tasks;

    @Test
    void anEpisodeGetsMergedSourcesFromEztvAndTorznab() {
        ApiClient api = new ApiClient(port);

        ApiClient.Response response = api.get("/api/shows/14981/seasons/1/episodes/2?includeSources=true");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode episode = response.json();
        assertThat(episode.path("episodeNumber").asInt()).isEqualTo(2);
        JsonNode sources = episode.path("sources");
        // EZTV's episode (also listed by Torznab: once), Torznab's own, and the season pack; not E03, another
        // show's episode or a 2 MB "1080p"
        assertThat(sources.valueStream().map(s -> s.path("source").asString() + " " + s.path("quality").asString()))
                .containsExactlyInAnyOrder("EZTV 1080p", "prowlarr 2160p", "EZTV 720p");
        assertThat(sources.valueStream().filter(s -> s.path("quality").asString().equals("1080p")))
                .singleElement().satisfies(s -> assertThat(s.path("broadcasters").asInt())
                        .as("the higher seeder count of the two listings").isEqualTo(80));
        assertThat(sources.valueStream().filter(s -> s.path("quality").asString().equals("2160p")))
                .singleElement().satisfies(s -> assertThat(s.path("videoCodec").asString()).isEqualTo("x265"));
        // Torznab was asked by IMDb id, season and episode, as its caps allow, then for the season's packs
        assertThat(prowlarr.callLog()).anySatisfy(call -> assertThat(call.request())
                .contains("t=tvsearch").contains("imdbid=0437729").contains("season=1").contains("ep=2"));
        assertThat(prowlarr.callLog()).anySatisfy(call -> assertThat(call.request())
                .contains("t=tvsearch").contains("season=1").doesNotContain("ep="));

        // the same request again is answered from the database
        int eztvCalls = eztv.calls();
        assertThat(api.get("/api/shows/14981/seasons/1/episodes/2?includeSources=true").json().path("sources"))
                .hasSize(3);
        assertThat(eztv.calls()).isEqualTo(eztvCalls);
        assertThat(api.get("/api/shows/14981/seasons/1/episodes/2").json().has("sources")).isFalse();
    }

    @Test
    void theSearchTaskFindsTheSourcesOfTheOtherEpisodesOfASeasonBeingWatched() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/shows/14981/seasons/1/episodes/2?includeSources=true").status()).isEqualTo(200);
        SyncTask task = tasks.stream().filter(t -> t.name().equals("source-search")).findFirst().orElseThrow();
        int episodes = jdbc.queryForObject("select count(*) from episode e join season s on s.id = e.season_id"
                + " join tv_show t on t.id = s.tv_show_id where t.tmdb_id = 14981 and s.season_number = 1", Integer.class);

        int eztvCalls = eztv.calls();
        int runs = 0;
        while (task.hasWork() && runs++ < episodes + 5) {
            assertThat(task.run(null).worked()).isTrue();
        }
        assertThat(runs).isGreaterThan(episodes / 2);
        assertThat(eztv.calls() - eztvCalls).as("EZTV lists a whole show: asked once, not once per episode")
                .isLessThanOrEqualTo(1);

        assertThat(task.hasWork()).as("every aired episode of the season is searched, then the task is idle").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from episode e join season s on s.id = e.season_id"
                + " join tv_show t on t.id = s.tv_show_id where t.tmdb_id = 14981 and s.season_number = 1"
                + " and e.sources_searched_at is null", Integer.class)).isZero();
        // episode 3's own EZTV torrent and the season pack were found without anyone asking for episode 3
        assertThat(jdbc.queryForObject("select count(*) from torrent_source ts join episode e on e.id = ts.episode_id"
                + " where e.episode_number = 3", Integer.class)).isGreaterThanOrEqualTo(2);
        // no other season was searched: nobody watches it
        assertThat(jdbc.queryForObject("select count(*) from episode e join season s on s.id = e.season_id"
                + " where s.season_number <> 1 and e.sources_searched_at is not null", Integer.class)).isZero();
    }

    @Test
    void anEpisodeInsideASeasonPackStreamsAloneAndByteExact() throws Exception {
        ApiClient api = new ApiClient(port);
        // episode 1 is known to list the pack too (its metadata is not fetched: the tasks are off in tests)
        assertThat(api.get("/api/shows/14981/seasons/1/episodes/1?includeSources=true").status()).isEqualTo(200);

        // only the pack holds episode 3 among what can be played (EZTV's own E03 has no peers: it ranks below)
        ApiClient.Response play = api.post("/api/shows/14981/seasons/1/episodes/3/720p", "");

        assertThat(play.status()).as(play.body()).isEqualTo(200);
        String key = play.json().path("streamingKey").asString();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream/" + key)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Path e03 = episodes.get("Interior.Ocelot.S01E03.720p.WEB.x264-PACK.mp4");
        assertThat(stream.headers().firstValueAsLong("Content-Length")).hasValue(size(e03));
        try (InputStream body = stream.body()) {
            assertThat(Swarm.sha256(body)).isEqualTo(Swarm.sha256(e03));
        }

        // the other episodes were never selected: nothing of them is on disk (a piece they share with E03 goes
        // to libtorrent's part file), and the download counts E03's bytes only
        Path downloaded = dataDir.resolve("downloads").resolve(pack.infoHash())
                .resolve("Interior.Ocelot.S01.720p.WEB.x264-PACK");
        assertThat(downloaded.resolve("Interior.Ocelot.S01E03.720p.WEB.x264-PACK.mp4")).hasSize(size(e03));
        for (String other : List.of("Interior.Ocelot.S01E01.720p.WEB.x264-PACK.mp4",
                "Interior.Ocelot.S01E02.720p.WEB.x264-PACK.mp4")) {
            Path file = downloaded.resolve(other);
            assertThat(Files.exists(file) ? size(file) : 0L).as(other + " was downloaded: " + listing(downloaded)).isZero();
        }
        assertThat(jdbc.queryForObject("select total_bytes from storage where location like ?", Long.class,
                "%" + pack.infoHash())).isEqualTo(size(e03));
        // the pack's metadata was checked for episode 3: its file is the one recorded
        assertThat(jdbc.queryForList("select video_file_path from torrent_source where video_file_path is not null",
                String.class)).contains("Interior.Ocelot.S01.720p.WEB.x264-PACK/Interior.Ocelot.S01E03.720p.WEB.x264-PACK.mp4");

        // the torrent-files task checks the pack for episode 1 too, from the metadata episode 3 brought (its
        // seeder is gone): one torrent, each episode choosing its own file
        pack.seeder().close();
        SyncTask torrentFiles = tasks.stream().filter(t -> t.name().equals("torrent-files")).findFirst().orElseThrow();
        String episodeOneFile = "Interior.Ocelot.S01.720p.WEB.x264-PACK/Interior.Ocelot.S01E01.720p.WEB.x264-PACK.mp4";
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            torrentFiles.run(null);
            return jdbc.queryForList("select video_file_path from torrent_source where video_file_path is not null",
                    String.class).contains(episodeOneFile);
        });
    }

    private static String listing(Path directory) {
        try (var files = Files.list(directory)) {
            return files.map(file -> file.getFileName() + "=" + size(file)).toList().toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
