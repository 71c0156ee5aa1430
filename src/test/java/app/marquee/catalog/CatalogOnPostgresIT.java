package app.marquee.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.PostgresSchema;
import app.marquee.sync.SyncTask;

/**
 * The catalog's read path and lists on PostgreSQL, with Hibernate validating every catalog mapping
 * against the migrated schema ({@code ddl-auto=validate}, which SQLite cannot do).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogOnPostgresIT {

    static PostgresSchema schema;
    static FakeTmdb tmdb = FakeTmdb.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        schema = PostgresSchema.create();
        registry.add("spring.datasource.url", schema::url);
        registry.add("spring.datasource.username", () -> PostgresSchema.USER);
        registry.add("spring.flyway.schemas", schema::name);
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
        registry.add("marquee.tmdb.base-url", tmdb::baseUrl);
        registry.add("marquee.tmdb.requests-per-second", () -> "1000");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        tmdb.close();
        if (schema != null) {
            schema.close();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<SyncTask> tasks;

    @Test
    void moviesShowsSeasonsAndListsAreStoredAndServedFromPostgresql() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/movies/105?lang=es").json().path("genres").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("Aventura", "Comedia", "Ciencia ficción");
        int calls = tmdb.calls();
        assertThat(api.get("/api/movies/105").json().path("title").asString()).isEqualTo("Helpful Monkey");
        assertThat(tmdb.calls()).isEqualTo(calls);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM movie_translation m JOIN movie ON movie.id = m.movie_id"
                + " WHERE movie.tmdb_id = 105", Integer.class)).isPositive();

        assertThat(api.get("/api/shows/1220/seasons/3").json().path("episodes").size()).isPositive();
        assertThat(api.get("/api/shows/1220").json().path("seasons").size()).isEqualTo(6);

        tasks.stream().filter(t -> t.name().equals("list-refresh")).findFirst().orElseThrow().run(null);
        assertThat(api.get("/api/list/top-rated-movies").json().path("total").asInt()).isGreaterThan(30);
    }
}
