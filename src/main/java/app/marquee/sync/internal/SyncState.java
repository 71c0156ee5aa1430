package app.marquee.sync.internal;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** One background task's last run: when, how it went, how long it took, and where it left off. */
@Entity
@Table(name = "sync_state")
public class SyncState {

    static final String SUCCESS = "success";
    static final String IDLE = "idle";
    static final String FAILURE = "failure";

    @Id
    @Column(name = "task", nullable = false, length = 64)
    private String task;

    @Column(name = "last_run_at")
    private @Nullable Instant lastRunAt;

    @Column(name = "last_success_at")
    private @Nullable Instant lastSuccessAt;

    @Column(name = "outcome", length = 16)
    private @Nullable String outcome;

    @Column(name = "duration_ms")
    private @Nullable Long durationMs;

    @Column(name = "cursor_value", length = 1000)
    private @Nullable String cursor;

    @Column(name = "message", length = 1000)
    private @Nullable String message;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "next_run_at")
    private @Nullable Instant nextRunAt;

    protected SyncState() {
    }

    SyncState(String task) {
        this.task = task;
    }

    boolean isDue(Instant now) {
        return nextRunAt == null || !now.isBefore(nextRunAt);
    }

    void succeeded(boolean worked, @Nullable String newCursor, @Nullable String newMessage, Instant startedAt,
            Duration took, Instant next) {
        lastRunAt = startedAt;
        lastSuccessAt = startedAt;
        outcome = worked ? SUCCESS : IDLE;
        durationMs = took.toMillis();
        if (newCursor != null) {
            cursor = truncate(newCursor);
        }
        message = newMessage == null ? null : truncate(newMessage);
        consecutiveFailures = 0;
        nextRunAt = next;
    }

    void failed(String why, Instant startedAt, Duration took, Instant next) {
        lastRunAt = startedAt;
        outcome = FAILURE;
        durationMs = took.toMillis();
        message = truncate(why);
        consecutiveFailures++;
        nextRunAt = next;
    }

    private static String truncate(String value) {
        return value.length() <= 1000 ? value : value.substring(0, 1000);
    }

    public String task() {
        return task;
    }

    public @Nullable Instant lastRunAt() {
        return lastRunAt;
    }

    public @Nullable String outcome() {
        return outcome;
    }

    public @Nullable Long durationMs() {
        return durationMs;
    }

    public @Nullable String cursor() {
        return cursor;
    }

    public @Nullable String message() {
        return message;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public @Nullable Instant nextRunAt() {
        return nextRunAt;
    }
}
