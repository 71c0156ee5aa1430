package app.marquee.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import app.marquee.MarqueeApplication;
import app.marquee.catalog.tmdb.TmdbProperties;
import app.marquee.sources.SourcesProperties;
import app.marquee.support.ApiClient;
import app.marquee.support.PostgresSchema;

/**
 * Settings stored through {@code /api/config} apply from the first moment of the next start, read from the
 * database before any bean binds, on SQLite and on PostgreSQL: a plain value, a secret (stored encrypted,
 * decrypted with the data directory's key) and a value an argument gives at that start, which wins.
 */
class StoredSettingsRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void storedSettingsApplyAtTheNextStartOnSqlite() {
        storeThenRestart(List.of());
    }

    @Test
    void storedSettingsApplyAtTheNextStartOnPostgresql() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create()) {
            storeThenRestart(List.of("--spring.datasource.url=" + schema.url(),
                    "--spring.datasource.username=" + PostgresSchema.USER, "--spring.flyway.schemas=" + schema.name()));
        }
    }

    private void storeThenRestart(List<String> database) {
        try (ConfigurableApplicationContext first = start(database)) {
            ApiClient admin = ApiClient.admin(port(first));
            ApiClient.Response put = admin.put("/api/config", Map.of("entries", List.of(
                    Map.of("key", "marquee.tmdb.access-token", "value", "restart-token"),
                    Map.of("key", "marquee.tmdb.timeout", "value", "7s"),
                    Map.of("key", "marquee.sources.scrape-batch", "value", "12"))));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(put.json().path("needsProcessRestart").valueStream().map(JsonNode::asString)).contains("sources");
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT setting_value FROM app_setting WHERE setting_key = ?", String.class,
                    "marquee.tmdb.access-token")).startsWith("k1:").doesNotContain("restart-token");
        }

        List<String> arguments = new ArrayList<>(database);
        arguments.add("--marquee.sources.scrape-batch=30");
        try (ConfigurableApplicationContext second = start(arguments)) {
            TmdbProperties tmdb = second.getBean(TmdbProperties.class);
            assertThat(tmdb.accessToken()).isEqualTo("restart-token");
            assertThat(tmdb.timeout()).isEqualTo(Duration.ofSeconds(7));
            // an argument wins over the database
            assertThat(second.getBean(SourcesProperties.class).scrapeBatch()).isEqualTo(30);
            JsonNode batch = ApiClient.admin(port(second)).get("/api/config").json().valueStream()
                    .filter(e -> e.path("key").asString().equals("marquee.sources.scrape-batch")).findFirst().orElseThrow();
            assertThat(batch.path("locked").asBoolean()).isTrue();
            assertThat(batch.path("value").asString()).isEqualTo("30");
        }
    }

    private ConfigurableApplicationContext start(List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of("--marquee.data-dir=" + dataDir, "--server.port=0"));
        arguments.addAll(extra);
        return new SpringApplicationBuilder(MarqueeApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
