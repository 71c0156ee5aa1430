package app.marquee.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.marquee.sync.SyncProperties;
import app.marquee.sync.SyncTask;

/**
 * Runs one task once, if it is due, and records the run in SyncState. Called with the task's lock held, so
 * the due check and the record see every node's runs: N nodes do each period's work once.
 *
 * <p>A failing task is backed off: its next run waits its period times 2, 4, 8... (from at most 30 s for
 * long periods) up to {@link #MAX_BACKOFF} or its period, whichever is longer. An idle run of a
 * frequent task is recorded at most once a minute, so a task with no work costs no writes.
 */
@Component
public class TaskRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    static final Duration FIRST_BACKOFF_CAP = Duration.ofSeconds(30);
    static final Duration IDLE_RECORD_INTERVAL = Duration.ofMinutes(1);

    private final SyncStateRepository states;
    private final SyncProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TaskRunner(SyncStateRepository states, SyncProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.states = states;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Runs {@code task} if it is due; returns false when it was not (another node ran it, or it is backing off). */
    public boolean runIfDue(SyncTask task) {
        Instant startedAt = clock.instant();
        SyncState state = states.findById(task.name()).orElseGet(() -> new SyncState(task.name()));
        if (!state.isDue(startedAt)) {
            return false;
        }
        Duration period = properties.task(task.name()).period();
        long started = System.nanoTime();
        try {
            SyncTask.Result result = task.run(state.cursor());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            boolean quietIdle = !result.worked() && SyncState.IDLE.equals(state.outcome()) && state.lastRunAt() != null
                    && state.lastRunAt().plus(IDLE_RECORD_INTERVAL).isAfter(startedAt) && result.cursor() == null;
            if (!quietIdle) {
                state.succeeded(result.worked(), result.cursor(), result.message(), startedAt, took,
                        startedAt.plus(period));
                save(state);
            }
            if (result.worked()) {
                log.debug("Task {} worked in {} ms: {}", task.name(), took.toMillis(), result.message());
            }
        } catch (RuntimeException e) { // the task's boundary: whatever failed, it is recorded and backed off
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Duration backoff = backoff(period, state.consecutiveFailures() + 1);
            state.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), startedAt, took, startedAt.plus(backoff));
            save(state);
            log.warn("Task {} failed ({} in a row), next try in {}: {}", task.name(), state.consecutiveFailures(),
                    backoff, e.getMessage());
        }
        return true;
    }

    static Duration backoff(Duration period, int failures) {
        Duration base = period.compareTo(FIRST_BACKOFF_CAP) < 0 ? period : FIRST_BACKOFF_CAP;
        Duration cap = period.compareTo(MAX_BACKOFF) > 0 ? period : MAX_BACKOFF;
        Duration delay = base.multipliedBy(1L << Math.min(failures, 20));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private void save(SyncState state) {
        transaction.executeWithoutResult(status -> states.save(state));
    }
}
