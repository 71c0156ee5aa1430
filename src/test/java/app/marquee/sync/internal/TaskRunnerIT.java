package app.marquee.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.MovableClock;
import app.marquee.sync.SyncTask;

/** How a run is recorded: failures back a task off, idle runs of a frequent task cost no writes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TaskRunnerIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("marquee.data-dir", dataDir::toString);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** A task under a name whose real task does not exist yet, doing what the test says. */
    static final class ScriptedTask implements SyncTask {
        private final String name;
        private final AtomicInteger runs = new AtomicInteger();
        private volatile @Nullable RuntimeException failure;
        private volatile boolean work;

        ScriptedTask(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Result run(@Nullable String cursor) {
            runs.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return work ? Result.worked("did one").withCursor("c" + runs.get()) : Result.idle();
        }
    }

    @Autowired
    TaskRunner runner;
    @Autowired
    SyncStateRepository states;
    @Autowired
    MovableClock clock;

    @Test
    void aFailingTaskIsRecordedAndBackedOffThenRecovers() {
        ScriptedTask task = new ScriptedTask("tracker-stats"); // period 2 s
        task.failure = new IllegalStateException("tracker unreachable");

        assertThat(runner.runIfDue(task)).isTrue();
        SyncState failed = states.findById("tracker-stats").orElseThrow();
        assertThat(failed.outcome()).isEqualTo("failure");
        assertThat(failed.message()).contains("tracker unreachable");
        assertThat(failed.consecutiveFailures()).isEqualTo(1);
        assertThat(failed.nextRunAt()).isEqualTo(clock.instant().plusSeconds(4));

        clock.advance(Duration.ofSeconds(3));
        assertThat(runner.runIfDue(task)).as("still backing off").isFalse();
        assertThat(task.runs.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(runner.runIfDue(task)).isTrue();
        assertThat(states.findById("tracker-stats").orElseThrow().nextRunAt())
                .as("second failure waits twice as long").isEqualTo(clock.instant().plusSeconds(8));

        task.failure = null;
        task.work = true;
        clock.advance(Duration.ofSeconds(8));
        assertThat(runner.runIfDue(task)).isTrue();
        SyncState recovered = states.findById("tracker-stats").orElseThrow();
        assertThat(recovered.outcome()).isEqualTo("success");
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.cursor()).isEqualTo("c3");
        assertThat(recovered.nextRunAt()).isEqualTo(clock.instant().plusSeconds(2));
    }

    @Test
    void idleRunsOfAFrequentTaskAreRecordedAtMostOnceAMinute() {
        ScriptedTask task = new ScriptedTask("source-search"); // period 100 ms
        assertThat(runner.runIfDue(task)).isTrue();
        Instant firstRecorded = states.findById("source-search").orElseThrow().lastRunAt();
        assertThat(states.findById("source-search").orElseThrow().outcome()).isEqualTo("idle");

        clock.advance(Duration.ofSeconds(30));
        assertThat(runner.runIfDue(task)).isTrue();
        assertThat(states.findById("source-search").orElseThrow().lastRunAt()).isEqualTo(firstRecorded);

        clock.advance(Duration.ofSeconds(31));
        runner.runIfDue(task);
        assertThat(states.findById("source-search").orElseThrow().lastRunAt()).isEqualTo(clock.instant());
        assertThat(task.runs.get()).isEqualTo(3);
    }
}
