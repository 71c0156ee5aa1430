package app.marquee.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/search}: stored titles first, then TMDB's search, whose titles are stored as any read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchIT {

    @TempDir
    static Path dataDir;
    static FakeTmdb tmdb = FakeTmdb.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        registry.add("marquee.tmdb.timeout", () -> "1s");
    }

    @AfterAll
    static void stopTmdb() {
        tmdb.close();
    }

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void setUp() {
        tmdb.reset();
        api = new ApiClient(port);
    }

    @Test
    void tmdbSearchResultsAreStoredSoTheNextSearchFindsThemInTheDatabase() {
        JsonNode first = api.get("/api/search?q=tiglon").json();
        assertThat(tmdb.calls("/3/search/multi")).isEqualTo(1);
        assertThat(ids(first)).containsExactly("movie:552524");
        assertThat(first.path("results").get(0).path("title").asString()).isEqualTo("Square Tiglon");
        assertThat(first.path("results").get(0).path("poster").asString()).startsWith("https://");
        assertThat(first.path("total").asInt()).isEqualTo(1);

        // stored now: reading it makes no TMDB call, and with TMDB down the search still finds it
        int calls = tmdb.calls();
        assertThat(api.get("/api/movies/552524").status()).isEqualTo(200);
        assertThat(tmdb.calls()).isEqualTo(calls);
        tmdb.mode(FakeTmdb.Mode.ERROR_500);
        ApiClient.Response down = api.get("/api/search?q=TIGLON");
        assertThat(down.status()).isEqualTo(200);
        assertThat(ids(down.json())).containsExactly("movie:552524");
    }

    @Test
    void showsAreFoundTooAndStoredTitlesComeFirst() {
        assertThat(api.get("/api/shows/14981").status()).isEqualTo(200);
        JsonNode found = api.get("/api/search?q=ocelot&lang=es").json();
        assertThat(ids(found).getFirst()).isEqualTo("show:14981");
        assertThat(found.path("results").get(0).path("title").asString()).isEqualTo("Interior Ocelot");
    }

    @Test
    void aMissingOrOversizedQueryIsABadRequest() {
        for (String bad : List.of("/api/search", "/api/search?q=", "/api/search?q=%20%20",
                "/api/search?q=" + "a".repeat(101), "/api/search?q=x&lang=english")) {
            ApiClient.Response response = api.get(bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.json().path("error").asString()).as(bad).startsWith("Invalid");
        }
        assertThat(ApiClient.anonymous(port).get("/api/search?q=tiglon").status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesSearch() {
        String document = ApiClient.anonymous(port).get("/v3/api-docs").body();
        assertThat(document).contains("\"/api/search\"", "\"/api/auth/sessions\"", "\"/api/audit\"");
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("results").forEach(r -> ids.add(r.path("type").asString() + ":" + r.path("tmdbId").asInt()));
        return ids;
    }
}
