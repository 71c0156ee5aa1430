package app.marquee.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeTorznab;
import app.marquee.support.FakeYts;

/**
 * {@code /api/config} against the running server on SQLite: what it lists, what it refuses (storing nothing),
 * secrets that go in and never come out, and services that take new settings in place: a TMDB token is used by
 * the next TMDB call, a Torznab indexer added is asked by the next source search.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RuntimeConfigIT {

    /** The Influential Bat: YTS's recording lists three torrents for it. */
    private static final String BAT_IMDB = "tt0120737";
    private static final String JACKETT_ONLY = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    static Path dataDir;
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeYts yts = FakeYts.start();
    static FakeTorznab jackett = FakeTorznab.start("jackett-key");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        FakeYts.register(registry, yts);
        // set as an argument would be: the API must report it locked and refuse to change it
        registry.add("marquee.yts.timeout", () -> "3s");
    }

    @AfterAll
    static void stop() {
        tmdb.close();
        yts.close();
        jackett.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final List<ApiClient.Response> answers = new ArrayList<>();

    @AfterEach
    void resetFakes() {
        tmdb.reset();
        jackett.reset();
    }

    @Test
    void theListHasEverySettableKeyWithSecretsBlankAndLocksShown() {
        JsonNode list = admin().get("/api/config").json();

        assertThat(list.isArray()).isTrue();
        JsonNode token = entry(list, "marquee.tmdb.access-token");
        assertThat(token.path("isSecret").asBoolean()).isTrue();
        assertThat(token.path("value").asString()).isEmpty();
        assertThat(token.path("serviceGroup").asString()).isEqualTo("tmdb");
        assertThat(token.path("required").asBoolean()).isTrue();
        assertThat(token.path("description").asString()).isNotBlank();
        assertThat(token.has("hasValue")).isTrue();
        // set by the test's properties, as an environment variable or argument would set it
        JsonNode ytsTimeout = entry(list, "marquee.yts.timeout");
        assertThat(ytsTimeout.path("locked").asBoolean()).isTrue();
        assertThat(ytsTimeout.path("value").asString()).isEqualTo("3s");
        assertThat(ytsTimeout.path("hasValue").asBoolean()).isTrue();
        assertThat(entry(list, "marquee.sources.scrape-batch").path("locked").asBoolean()).isFalse();
        // a free slot to add the first Torznab indexer at
        assertThat(entry(list, "marquee.indexers.torznab[0].url").path("serviceGroup").asString()).isEqualTo("indexers");
        assertThat(keys(list)).doesNotContain("marquee.data-dir", "marquee.streaming.download-dir", "spring.datasource.url",
                "spring.datasource.password", "marquee.accounts.jwt-secret", "marquee.accounts.encryption-key",
                "marquee.accounts.blind-index-key", "marquee.admin.password");
        assertThat(keys(list)).allSatisfy(key -> assertThat(key).doesNotContain("[n]"));
        JsonNode paths = ApiClient.anonymous(port).get("/v3/api-docs").json().path("paths");
        assertThat(paths.path("/api/config").has("get")).isTrue();
        assertThat(paths.path("/api/config").has("put")).isTrue();
        assertThat(paths.path("/api/config/{service}/restart").has("post")).isTrue();
    }

    @Test
    void aSecretGoesInAndNeverComesOutOfAnAnswerTheLogOrTheDatabaseFile(CapturedOutput output) throws IOException {
        String secret = "trakt-secret-" + System.nanoTime();
        ApiClient admin = admin();

        ApiClient.Response put = record(admin.put("/api/config", changes(
                "marquee.trakt.client-id", "marquee-app", "marquee.trakt.client-secret", secret)));

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("success").asBoolean()).isTrue();
        assertThat(put.json().path("restarting").valueStream().map(JsonNode::asString)).containsExactly("trakt");
        JsonNode stored = entry(record(admin.get("/api/config")).json(), "marquee.trakt.client-secret");
        assertThat(stored.path("hasValue").asBoolean()).isTrue();
        assertThat(stored.path("value").asString()).isEmpty();
        // trakt took the credentials in place
        JsonNode trakt = record(admin.post("/api/config/trakt/restart", "")).json();
        assertThat(trakt.path("status").path("status").asString()).isEqualTo("running");
        assertThat(record(ApiClient.anonymous(port).get("/api/status")).json().path("services").path("trakt")
                .path("status").asString()).isEqualTo("running");

        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain(secret));
        assertThat(output.getAll()).doesNotContain(secret);
        assertThat(filesUnder(dataDir)).allSatisfy(file -> assertThat(Files.readAllBytes(file))
                .as(file.toString()).satisfies(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                        .doesNotContain(secret)));
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT setting_value, value_encrypted FROM app_setting WHERE setting_key = 'marquee.trakt.client-secret'");
        assertThat(row.get("setting_value").toString()).startsWith("k1:");
        assertThat(jdbc.queryForObject("SELECT setting_value FROM app_setting WHERE setting_key = 'marquee.trakt.client-id'",
                String.class)).isEqualTo("marquee-app");
        List<String> audit = jdbc.queryForList(
                "SELECT detail FROM audit_log WHERE event = 'config.changed' AND outcome = 'success'", String.class);
        assertThat(audit).anySatisfy(detail -> assertThat(detail)
                .contains("marquee.trakt.client-id=marquee-app", "marquee.trakt.client-secret=<secret>"));
        assertThat(audit).allSatisfy(detail -> assertThat(detail).doesNotContain(secret));
    }

    @Test
    void anUnknownKeyIsRefusedAndNothingIsStored() {
        ApiClient.Response put = admin().put("/api/config", changes(
                "marquee.sources.metadata-fetches", "3", "marquee.nope", "1", "marquee.also-nope", "2"));

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().path("error").asString()).isEqualTo("Unknown configuration keys: marquee.also-nope, marquee.nope");
        assertThat(storedKeys()).doesNotContain("marquee.sources.metadata-fetches");
    }

    @Test
    void aValueStartUpWouldRefuseIsRefusedAndNothingIsStored() {
        ApiClient.Response put = admin().put("/api/config", changes(
                "marquee.sources.metadata-attempts", "3",
                "marquee.yts.mirror-cooldown", "-5s",
                "marquee.vpn.ip-check-urls", "http://[oops",
                "marquee.tmdb.requests-per-second", "lots"));

        assertThat(put.status()).as(put.body()).isEqualTo(400);
        assertThat(put.json().path("success").asBoolean(true)).isFalse();
        assertThat(put.json().path("invalidKeys").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "marquee.yts.mirror-cooldown", "marquee.vpn.ip-check-urls", "marquee.tmdb.requests-per-second");
        assertThat(storedKeys()).doesNotContain("marquee.sources.metadata-attempts", "marquee.yts.mirror-cooldown",
                "marquee.vpn.ip-check-urls", "marquee.tmdb.requests-per-second");
    }

    @Test
    void keysFixedByTheEnvironmentOrReservedAreRefused() {
        ApiClient admin = admin();

        ApiClient.Response locked = admin.put("/api/config", changes("marquee.yts.timeout", "5s"));
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.json().path("invalidKeys").valueStream().map(JsonNode::asString))
                .containsExactly("marquee.yts.timeout");
        assertThat(locked.json().path("errors").path("marquee.yts.timeout").asString()).contains("environment");

        ApiClient.Response reserved = admin.put("/api/config", changes("marquee.data-dir", "/tmp/elsewhere"));
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.json().path("error").asString()).contains("marquee.data-dir");
        assertThat(storedKeys()).doesNotContain("marquee.yts.timeout", "marquee.data-dir");
    }

    @Test
    void aTmdbTokenChangedAtRunTimeIsCheckedAndUsedByTheNextCall() {
        ApiClient admin = admin();
        tmdb.requireAccessToken("good-token");

        assertThat(admin.put("/api/config", changes("marquee.tmdb.access-token", "bad-token")).status()).isEqualTo(200);
        JsonNode refused = admin.post("/api/config/tmdb/restart", "").json();
        assertThat(refused.path("status").path("status").asString()).isEqualTo("down");
        assertThat(refused.path("status").path("message").asString()).contains("401").doesNotContain("bad-token");

        ApiClient.Response put = admin.put("/api/config", changes("marquee.tmdb.access-token", "good-token"));
        assertThat(put.json().path("restarting").valueStream().map(JsonNode::asString)).containsExactly("tmdb");
        JsonNode restarted = admin.post("/api/config/tmdb/restart", "").json();
        assertThat(restarted.path("success").asBoolean()).isTrue();
        assertThat(restarted.path("status").path("status").asString()).isEqualTo("running");
        assertThat(tmdb.calls("/3/configuration")).isPositive();

        assertThat(new ApiClient(port).get("/api/movies/105").status()).isEqualTo(200);
        assertThat(tmdb.authorizations()).isNotEmpty().allSatisfy(header -> assertThat(header).isIn(
                "Bearer bad-token", "Bearer good-token"));
        assertThat(tmdb.authorizations().getLast()).isEqualTo("Bearer good-token");
        assertThat(tmdb.calls("/3/movie/105")).isEqualTo(1);
    }

    @Test
    void aTorznabIndexerAddedThroughTheApiIsAskedByTheNextSearchAndCanBeDisabled() {
        jackett.serve(BAT_IMDB, List.of(new FakeTorznab.Item("Influential.Bat.2001.1080p.WEB-DL.x265-GRP", JACKETT_ONLY,
                null, 2_000_000_000L, 40, 45)));
        ApiClient admin = admin();

        ApiClient.Response put = admin.put("/api/config", changes(
                "marquee.indexers.torznab[0].name", "jackett",
                "marquee.indexers.torznab[0].url", jackett.url().toString(),
                "marquee.indexers.torznab[0].api-key", "jackett-key",
                "marquee.indexers.torznab[0].min-interval", "0s"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("restarting").valueStream().map(JsonNode::asString)).containsExactly("indexers");
        assertThat(put.body()).doesNotContain("jackett-key");

        JsonNode sources = new ApiClient(port).get("/api/movies/120?includeSources=true").json().path("sources");
        assertThat(sources.valueStream().map(s -> s.path("source").asString())).contains("YTS", "jackett");
        assertThat(jackett.calls()).isEqualTo(1);
        assertThat(ApiClient.anonymous(port).get("/api/status").json().path("services").has("torznab-jackett")).isTrue();
        JsonNode list = admin.get("/api/config").json();
        assertThat(entry(list, "marquee.indexers.torznab[0].name").path("value").asString()).isEqualTo("jackett");
        assertThat(entry(list, "marquee.indexers.torznab[0].api-key").path("value").asString()).isEmpty();
        assertThat(keys(list)).contains("marquee.indexers.torznab[1].url");
        // a list stops at its first gap: an indexer at [2] without one at [1] would silently never be asked
        ApiClient.Response gap = admin.put("/api/config", changes(
                "marquee.indexers.torznab[2].name", "later", "marquee.indexers.torznab[2].url", jackett.url().toString()));
        assertThat(gap.status()).isEqualTo(400);
        assertThat(gap.json().path("invalidKeys").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "marquee.indexers.torznab[2].name", "marquee.indexers.torznab[2].url");
        assertThat(storedKeys()).doesNotContain("marquee.indexers.torznab[2].name");

        assertThat(admin.put("/api/config", changes("marquee.indexers.torznab[0].enabled", "false")).status())
                .isEqualTo(200);
        assertThat(ApiClient.anonymous(port).get("/api/status").json().path("services").has("torznab-jackett")).isFalse();
        assertThat(admin.post("/api/config/indexers/restart", "").json().path("status").path("status").asString())
                .isEqualTo("running");
    }

    @Test
    void onlyLiveServicesRestartInPlace() {
        ApiClient admin = admin();

        ApiClient.Response yts = admin.post("/api/config/yts/restart", "");
        assertThat(yts.status()).isEqualTo(422);
        assertThat(yts.json().path("requiresProcessRestart").asBoolean()).isTrue();
        assertThat(yts.json().path("error").asString()).isNotBlank();
        assertThat(admin.post("/api/config/nothing/restart", "").status()).isEqualTo(404);

        ApiClient.Response put = admin.put("/api/config", changes("marquee.sources.scrape-batch", "25"));
        assertThat(put.json().path("restarting")).isEmpty();
        assertThat(put.json().path("needsProcessRestart").valueStream().map(JsonNode::asString)).containsExactly("sources");
        assertThat(entry(admin.get("/api/config").json(), "marquee.sources.scrape-batch").path("value").asString())
                .isEqualTo("25");
    }

    @Test
    void usersAreRefusedAndAnonymousCallersMustLogIn() {
        ApiClient user = new ApiClient(port);
        assertThat(user.get("/api/config").status()).isEqualTo(403);
        assertThat(user.put("/api/config", changes("marquee.sources.stats-max-age", "30m")).status()).isEqualTo(403);
        assertThat(user.post("/api/config/tmdb/restart", "").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/api/config").status()).isEqualTo(401);
        assertThat(storedKeys()).doesNotContain("marquee.sources.stats-max-age");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE event = 'access.denied'", String.class))
                .contains("PUT /api/config");
    }

    private ApiClient admin() {
        return ApiClient.admin(port);
    }

    private ApiClient.Response record(ApiClient.Response response) {
        answers.add(response);
        return response;
    }

    private List<String> storedKeys() {
        return jdbc.queryForList("SELECT setting_key FROM app_setting", String.class);
    }

    private static Map<String, Object> changes(String... keysAndValues) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.add(Map.of("key", keysAndValues[i], "value", keysAndValues[i + 1]));
        }
        return Map.of("entries", entries);
    }

    private static JsonNode entry(JsonNode list, String key) {
        return list.valueStream().filter(e -> e.path("key").asString().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not listed"));
    }

    private static List<String> keys(JsonNode list) {
        return list.valueStream().map(e -> e.path("key").asString()).toList();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
