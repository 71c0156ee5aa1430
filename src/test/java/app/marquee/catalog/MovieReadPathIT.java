package app.marquee.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import app.marquee.catalog.tmdb.TmdbClient;
import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;

/** The read path of movies on the default SQLite set-up, with a fake TMDB that counts its calls. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MovieReadPathIT {

    @TempDir
    static Path dataDir;
    static FakeTmdb tmdb = FakeTmdb.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        registry.add("marquee.tmdb.timeout", () -> "1s");
        registry.add("marquee.sync.enabled", () -> "false");
    }

    @AfterAll
    static void stopTmdb() {
        tmdb.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TmdbClient tmdbClient;

    ApiClient api;

    @BeforeEach
    void reset() {
        api = new ApiClient(port);
        tmdb.reset();
        tmdbClient.restart();
    }

    @Test
    void aMovieIsReadFromTmdbOnceThenFromTheDatabaseThenFromTheCache() {
        ApiClient.Response first = api.get("/api/movies/105");
        assertThat(first.status()).isEqualTo(200);
        assertThat(tmdb.calls()).isEqualTo(1);
        JsonNode movie = first.json();
        assertThat(movie.path("type").asString()).isEqualTo("movie");
        assertThat(movie.path("tmdbId").asInt()).isEqualTo(105);
        assertThat(movie.path("imdbId").asString()).isEqualTo("tt0088763");
        assertThat(movie.path("title").asString()).isEqualTo("Helpful Monkey");
        assertThat(movie.path("runtime").asInt()).isEqualTo(116);
        assertThat(movie.path("releaseDate").asString()).isEqualTo("1985-07-03");
        assertThat(movie.path("poster").asString()).isEqualTo("https://image.tmdb.org/t/p/w500/vN5B5WgYscRGcQpVhHl6p9DDTP0.jpg");
        assertThat(movie.path("logo").asString()).startsWith("https://image.tmdb.org/t/p/").endsWith(".png");
        assertThat(movie.path("genres").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("Adventure", "Comedy", "Science Fiction");
        assertThat(movie.has("sources")).isFalse();

        assertThat(api.get("/api/movies/105").status()).isEqualTo(200);
        assertThat(tmdb.calls()).as("second read: database").isEqualTo(1);

        jdbc.update("DELETE FROM movie WHERE tmdb_id = 105");
        ApiClient.Response afterDelete = api.get("/api/movies/105");
        assertThat(afterDelete.status()).isEqualTo(200);
        assertThat(afterDelete.json().path("title").asString()).isEqualTo("Helpful Monkey");
        assertThat(tmdb.calls()).as("row gone, response still cached").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM movie WHERE tmdb_id = 105", Integer.class)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentFirstRequestsMakeOneTmdbCall() throws Exception {
        tmdb.delay(Duration.ofMillis(300));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        // one logged-in client shared by all: logging in 20 users would spread the requests over seconds
        ApiClient viewer = new ApiClient(port);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return viewer.get("/api/movies/120").status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        assertThat(tmdb.calls("/3/movie/120")).isEqualTo(1);
    }

    @Test
    void whileTmdbFailsStoredTitlesAreServedAndMissingOnesGetAClearError() {
        assertThat(api.get("/api/movies/121").status()).isEqualTo(200);

        tmdb.mode(FakeTmdb.Mode.ERROR_500);
        assertThat(api.get("/api/movies/121").status()).isEqualTo(200);
        ApiClient.Response missing = api.get("/api/movies/122");
        assertThat(missing.status()).isEqualTo(503);
        assertThat(missing.json().path("error").asString()).isEqualTo("TMDB unavailable");
        assertThat(missing.body()).doesNotContain("Exception", "at app.");
        assertThat(tmdb.calls("/3/movie/122")).as("5xx are retried").isEqualTo(3);

        tmdbClient.restart();
        tmdb.mode(FakeTmdb.Mode.SLOW);
        long started = System.nanoTime();
        ApiClient.Response slow = api.get("/api/movies/128");
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.json().path("error").asString()).isEqualTo("TMDB timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(api.get("/api/movies/121").status()).isEqualTo(200);
    }

    @Test
    void garbageFromTmdbIsNeitherStoredNorCached() {
        tmdb.mode(FakeTmdb.Mode.GARBAGE);
        assertThat(api.get("/api/movies/129").status()).isEqualTo(503);
        tmdb.mode(FakeTmdb.Mode.RECORDED);
        int before = tmdb.calls("/3/movie/129");
        assertThat(api.get("/api/movies/129").status()).isEqualTo(200);
        assertThat(tmdb.calls("/3/movie/129")).isEqualTo(before + 1);
    }

    @Test
    void a429WithRetryAfterDelaysTheNextCallAndLosesNoRequest() {
        tmdb.rateLimitNext(1, 1);
        long started = System.nanoTime();
        ApiClient.Response answer = api.get("/api/movies/11216");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("tmdbId").asInt()).isEqualTo(11216);
        List<FakeTmdb.Call> calls = tmdb.callLog();
        assertThat(calls).hasSize(2);
        Duration gap = Duration.ofNanos(calls.get(1).nanoTime() - calls.get(0).nanoTime());
        assertThat(gap).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void spanishAsksForTheSpanishGenreNamesAndTranslation() {
        ApiClient.Response movie = api.get("/api/movies/11544?lang=es");
        assertThat(movie.status()).isEqualTo(200);
        List<String> english = api.get("/api/movies/11544").json().path("genres").values().stream()
                .map(JsonNode::asString).toList();
        List<String> spanish = movie.json().path("genres").values().stream().map(JsonNode::asString).toList();
        assertThat(english).containsExactlyInAnyOrder("Animation", "Family", "Comedy");
        assertThat(spanish).containsExactlyInAnyOrder("Animación", "Familia", "Comedia");
        assertThat(tmdb.calls("/3/genre/movie/list")).isEqualTo(1);
        assertThat(movie.json().path("title").asString())
                .isNotEqualTo(api.get("/api/movies/11544").json().path("title").asString());

        api.get("/api/movies/11544?lang=es");
        assertThat(tmdb.calls("/3/genre/movie/list")).as("genre names are stored once").isEqualTo(1);
    }

    @Test
    void badIdsAndLanguagesAre400AndUnknownMoviesAre404() {
        assertThat(api.get("/api/movies/abc").status()).isEqualTo(400);
        assertThat(api.get("/api/movies/0").status()).isEqualTo(400);
        assertThat(api.get("/api/movies/-3").status()).isEqualTo(400);
        assertThat(api.get("/api/movies/105?lang=english").status()).isEqualTo(400);
        assertThat(api.get("/api/movies/105?lang=e").json().path("error").asString()).isEqualTo("Invalid lang");
        ApiClient.Response unknown = api.get("/api/movies/999999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Movie not found\"}");
    }

    @Test
    void includeSourcesIsAcceptedAndAnswersAListWhileNoSourceModuleExists() {
        JsonNode movie = api.get("/api/movies/120?includeSources=true").json();
        assertThat(movie.path("sources").isArray()).isTrue();
        assertThat(movie.path("sources").size()).isZero();
    }
}
