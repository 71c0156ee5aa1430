package app.marquee.sync;

import org.jspecify.annotations.Nullable;

/**
 * A background task a module registers with the scheduler: a Spring bean implementing this interface. The
 * scheduler runs it every {@code marquee.sync.<name>.period} on one node at a time (ShedLock), records the
 * outcome in SyncState, and backs it off while it fails.
 *
 * <p>A short period means "take the next item of work, if any": {@link #run} should do one bounded unit
 * of work, return {@link Result#idle()} at once when there is none, and throw when an outside service it
 * needs fails (that is what backs it off).
 */
public interface SyncTask {

    /**
     * The task's name, one of {@link SyncProperties#TASK_NAMES}: it picks the task's settings
     * ({@code marquee.sync.list-refresh.*}) and its SyncState row.
     */
    String name();

    /**
     * A cheap look (one indexed read, no outside call) at whether a run would find work. False lets the
     * scheduler skip the run without taking the lock or writing anything; it still runs, and records,
     * an idle run about once a minute. The default says "maybe", so the task always runs.
     */
    default boolean hasWork() {
        return true;
    }

    /**
     * Does one run.
     *
     * @param cursor where the previous successful run left off, null at first
     * @return what was done and the cursor for the next run
     */
    Result run(@Nullable String cursor);

    /**
     * How a run went.
     *
     * @param worked false when there was nothing to do
     * @param cursor where to start next time (kept as it was when null)
     * @param message a short line for {@code /api/stats} and logs
     */
    record Result(boolean worked, @Nullable String cursor, @Nullable String message) {

        public static Result idle() {
            return new Result(false, null, null);
        }

        public static Result worked(String message) {
            return new Result(true, null, message);
        }

        public Result withCursor(@Nullable String newCursor) {
            return new Result(worked, newCursor, message);
        }
    }
}
