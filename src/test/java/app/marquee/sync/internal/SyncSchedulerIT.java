package app.marquee.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;

/**
 * The scheduler running for real (marquee.sync.enabled=true) against the fake TMDB on SQLite: each catalog
 * task runs, leaves its SyncState, shows in /api/stats, and ShedLock keeps working on existing lock rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its scheduler must not go on running beside the other tests' contexts
class SyncSchedulerIT {

    @TempDir
    static Path dataDir;
    static FakeTmdb tmdb = FakeTmdb.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        registry.add("marquee.sync.enabled", () -> "true");
        registry.add("marquee.sync.season-sync.period", () -> "10ms");
    }

    @AfterAll
    static void stopTmdb() {
        tmdb.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    SyncStateRepository states;
    @Autowired
    DataSource dataSource;
    @Autowired
    SyncScheduler scheduler;

    @Test
    void everyRegisteredTaskRunsAndLeavesItsSyncState() throws InterruptedException {
        assertThat(scheduler.tasks()).extracting(t -> t.name())
                .containsExactlyInAnyOrderElementsOf(app.marquee.sync.SyncProperties.TASK_NAMES);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (states.count() < app.marquee.sync.SyncProperties.TASK_NAMES.size() || incompleteSeasons() > 0) {
            assertThat(Instant.now()).as("all tasks ran, and the season sync read every season, within 90 s").isBefore(deadline);
            Thread.sleep(200); // polling the real scheduler: there is no event to wait on
        }
        SyncState lists = states.findById("list-refresh").orElseThrow();
        assertThat(lists.outcome()).isEqualTo("success");
        assertThat(lists.lastRunAt()).isNotNull();
        assertThat(lists.durationMs()).isNotNull();
        assertThat(lists.nextRunAt()).isAfter(lists.lastRunAt().plus(Duration.ofMinutes(59)));
        SyncState movies = states.findById("movie-sync").orElseThrow();
        assertThat(movies.outcome()).isIn("success", "idle");
        assertThat(movies.cursor()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(states.findById("season-sync").orElseThrow().outcome()).isEqualTo("success");

        JsonNode stats = new ApiClient(port).get("/api/stats").json();
        assertThat(stats.path("tasks").path("list-refresh").path("outcome").asString()).isEqualTo("success");
        assertThat(stats.path("tasks").path("season-sync").path("lastRun").isString()).isTrue();
        assertThat(stats.path("services").path("tmdb").path("requests").asLong()).isPositive();
        assertThat(stats.path("services").path("tmdb").path("latencyMs").has("p95")).isTrue();
        assertThat(stats.path("streams").isArray()).isTrue();
        assertThat(stats.path("disk").path("usedBytes").asLong()).isZero();
    }

    @Test
    void shedLockTakesAnExistingLockRowAgainAfterARestart() {
        LockConfiguration config = new LockConfiguration(Instant.now(), "restart-check", Duration.ofMinutes(1),
                Duration.ZERO);
        JdbcTemplateLockProvider before = provider();
        before.lock(config).orElseThrow().unlock();

        // a new provider, as after a restart: the row exists, so its INSERT fails and it must UPDATE instead
        Optional<SimpleLock> again = provider().lock(
                new LockConfiguration(Instant.now(), "restart-check", Duration.ofMinutes(1), Duration.ZERO));
        assertThat(again).isPresent();
        assertThat(provider().lock(config)).as("held by the other 'node'").isEmpty();
        again.get().unlock();
    }

    private int incompleteSeasons() {
        return new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM season WHERE episodes_synced_at IS NULL", Integer.class);
    }

    private JdbcTemplateLockProvider provider() {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").build());
    }
}
