package app.marquee.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import app.marquee.platform.ApiException;
import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.sync.SyncTask;

/** Shows with their seasons and episodes, and lists filled by the list refresh task, from the recordings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShowsAndListsIT {

    @TempDir
    static Path dataDir;
    static FakeTmdb tmdb = FakeTmdb.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        registry.add("marquee.sync.enabled", () -> "false");
    }

    @AfterAll
    static void stopTmdb() {
        tmdb.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    List<SyncTask> tasks;
    @Autowired
    CatalogApi catalog;

    ApiClient api;

    @BeforeEach
    void reset() {
        api = new ApiClient(port);
        tmdb.reset();
    }

    @Test
    void anAdminKeepsCuratedListsThatUsersReadButMayNotChange() {
        ApiClient admin = ApiClient.admin(port);
        java.util.Map<String, Object> body = java.util.Map.of("name", "Staff picks", "description", "Our favourites",
                "titles", java.util.List.of(java.util.Map.of("type", "movie", "tmdbId", 105),
                        java.util.Map.of("type", "show", "tmdbId", 1220),
                        java.util.Map.of("type", "movie", "tmdbId", 999_999_999)));
        ApiClient.Response saved = admin.put("/api/lists/staff-picks", body);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("url").asString()).isEqualTo("/list/staff-picks");

        ApiClient.Response list = api.get("/api/list/staff-picks");
        assertThat(list.json().path("total").asInt()).as("the title TMDB does not know is left out").isEqualTo(2);
        assertThat(list.json().path("list").path("description").asString()).isEqualTo("Our favourites");

        assertThat(api.put("/api/lists/staff-picks", body).status()).as("a user may not").isEqualTo(403);
        assertThat(api.delete("/api/lists/staff-picks").status()).isEqualTo(403);
        assertThat(admin.put("/api/lists/Bad_Slug", body).status()).isEqualTo(400);
        assertThat(admin.put("/api/lists/staff-picks", java.util.Map.of("name", "", "titles", java.util.List.of()))
                .status()).isEqualTo(400);
        assertThat(admin.put("/api/lists/staff-picks", java.util.Map.of("name", "x",
                "titles", java.util.List.of(java.util.Map.of("type", "song", "tmdbId", 1)))).status()).isEqualTo(400);

        assertThat(admin.delete("/api/lists/staff-picks").status()).isEqualTo(204);
        assertThat(api.get("/api/list/staff-picks").status()).isEqualTo(404);
        assertThat(admin.delete("/api/lists/staff-picks").status()).isEqualTo(404);
    }

    @Test
    void aShowListsItsSeasonsAndASeasonItsRecordedEpisodes() {
        ApiClient.Response show = api.get("/api/shows/1220");
        assertThat(show.status()).isEqualTo(200);
        JsonNode body = show.json();
        assertThat(body.path("type").asString()).isEqualTo("show");
        assertThat(body.path("title").asString()).isEqualTo("Random Leopard");
        assertThat(body.path("imdbId").asString()).isEqualTo("tt0924651");
        assertThat(body.path("genres").values()).extracting(JsonNode::asString).containsExactlyInAnyOrder("Comedy", "Talk");
        assertThat(body.path("seasons").values()).extracting(s -> s.path("seasonNumber").asInt())
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(tmdb.calls()).isEqualTo(1);

        ApiClient.Response season = api.get("/api/shows/1220/seasons/2");
        assertThat(season.status()).isEqualTo(200);
        JsonNode episodes = season.json().path("episodes");
        assertThat(episodes.size()).isEqualTo(13);
        assertThat(episodes.get(0).path("episodeNumber").asInt()).isEqualTo(1);
        assertThat(episodes.get(0).path("title").asString()).isEqualTo("Unable Whitefish");
        assertThat(tmdb.calls("/3/tv/1220/season/2")).isEqualTo(1);

        assertThat(api.get("/api/shows/1220/seasons/2").json().path("episodes").size()).isEqualTo(13);
        assertThat(tmdb.calls("/3/tv/1220/season/2")).as("episodes are stored").isEqualTo(1);

        JsonNode seasons = api.get("/api/shows/1220/seasons").json();
        assertThat(seasons.size()).isEqualTo(6);
        assertThat(seasons.get(2).path("episodes").size()).isEqualTo(13);
        assertThat(tmdb.calls()).isEqualTo(2);
    }

    @Test
    void unknownShowsAndSeasonsAre404AndBadNumbers400() {
        assertThat(api.get("/api/shows/999999999").json().path("error").asString()).isEqualTo("Show not found");
        assertThat(api.get("/api/shows/999999999/seasons").status()).isEqualTo(404);
        assertThat(api.get("/api/shows/14981/seasons/77").status()).isEqualTo(404);
        assertThat(api.get("/api/shows/14981/seasons/-1").status()).isEqualTo(400);
        assertThat(api.get("/api/shows/x/seasons").status()).isEqualTo(400);
    }

    @Test
    void theListRefreshFillsListsThatAreThenServedWithoutTmdb() {
        SyncTask refresh = tasks.stream().filter(t -> t.name().equals("list-refresh")).findFirst().orElseThrow();
        SyncTask.Result result = refresh.run(null);
        assertThat(result.worked()).isTrue();
        assertThat(tmdb.calls("/3/discover/movie")).isEqualTo(3);

        JsonNode lists = api.get("/api/lists").json();
        assertThat(lists.values()).extracting(l -> l.path("slug").asString())
                .contains("popular-movies", "top-rated-movies", "popular-shows");
        assertThat(lists.get(0).path("url").asString()).isEqualTo("/list/" + lists.get(0).path("slug").asString());

        tmdb.reset();
        JsonNode popular = api.get("/api/list/popular-movies").json();
        assertThat(popular.path("list").path("slug").asString()).isEqualTo("popular-movies");
        assertThat(popular.path("total").asInt()).isEqualTo(popular.path("results").size()).isGreaterThan(30);
        JsonNode first = popular.path("results").get(0);
        assertThat(first.path("_type").asString()).isEqualTo("movie");
        assertThat(first.path("poster").asString()).startsWith("https://image.tmdb.org/t/p/");
        assertThat(first.path("genres").size()).isPositive();

        JsonNode shows = api.get("/api/list/popular-shows").json();
        assertThat(shows.path("results").get(0).path("_type").asString()).isEqualTo("tvshow");
        assertThat(shows.path("results").get(0).path("name").asString()).isNotBlank();
        assertThat(tmdb.calls()).as("lists are served from the database").isZero();

        JsonNode spanish = api.get("/api/list/popular-movies?lang=es").json();
        assertThat(spanish.path("results").get(0).path("genres").values()).extracting(JsonNode::asString)
                .isNotEqualTo(first.path("genres").values().stream().map(JsonNode::asString).toList());

        assertThat(api.get("/api/list/no-such-list").json().path("error").asString()).isEqualTo("List not found");
    }

    @Test
    void anAdminCuratedListMixesMoviesAndShowsAndCannotTakeATmdbListsSlug() {
        ListSummary saved = catalog.saveCuratedList("staff-picks", "Staff picks", "Chosen by us",
                List.of(TitleRef.movie(11216), TitleRef.show(14981), TitleRef.movie(999999999)));
        assertThat(saved.url()).isEqualTo("/list/staff-picks");

        JsonNode list = api.get("/api/list/staff-picks").json();
        assertThat(list.path("list").path("name").asString()).isEqualTo("Staff picks");
        assertThat(list.path("results").values()).extracting(r -> r.path("_type").asString() + ":" + r.path("tmdbId").asInt())
                .as("the title TMDB does not know is left out").containsExactly("movie:11216", "tvshow:14981");
        assertThat(api.get("/api/lists").json().values()).extracting(l -> l.path("slug").asString()).contains("staff-picks");

        catalog.saveCuratedList("staff-picks", "Staff picks", null, List.of(TitleRef.show(14981)));
        assertThat(api.get("/api/list/staff-picks").json().path("total").asInt()).isEqualTo(1);

        assertThatThrownBy(() -> catalog.saveCuratedList("popular-movies", "Mine", null, List.of()))
                .isInstanceOf(ApiException.class).hasMessageContaining("List exists");
        assertThatThrownBy(() -> catalog.saveCuratedList("Bad Slug", "x", null, List.of()))
                .isInstanceOf(ApiException.class).hasMessageContaining("Invalid slug");
        assertThat(catalog.deleteCuratedList("popular-movies")).isFalse();
        assertThat(catalog.deleteCuratedList("staff-picks")).isTrue();
        assertThat(api.get("/api/list/staff-picks").status()).isEqualTo(404);
    }
}
