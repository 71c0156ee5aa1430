package app.marquee.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.stereotype.Component;

import app.marquee.sync.SyncProperties;
import app.marquee.sync.SyncTask;

/**
 * Schedules every registered {@link SyncTask} whose settings enable it, each with a fixed delay of its
 * period, on virtual threads. A run takes the task's ShedLock lock first, so one node at a time runs it;
 * {@link TaskRunner} then checks SyncState whether it is due. Nothing is scheduled when
 * {@code marquee.sync.enabled=false}.
 */
@Component
class SyncScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);
    /** A node that dies mid-run frees its lock after this; no run should take longer. */
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);

    private final List<SyncTask> tasks;
    private final SyncProperties properties;
    private final TaskRunner runner;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    /** When this node last took each task's lock; lets an idle task skip runs in between. */
    private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();
    private SimpleAsyncTaskScheduler scheduler;

    SyncScheduler(List<SyncTask> tasks, SyncProperties properties, TaskRunner runner, LockProvider lockProvider,
            Clock clock) {
        Set<String> names = new HashSet<>();
        for (SyncTask task : tasks) {
            properties.task(task.name()); // fails start-up for a name that has no settings
            if (!names.add(task.name())) {
                throw new IllegalStateException("two background tasks are named '" + task.name() + "'");
            }
        }
        this.tasks = List.copyOf(tasks);
        this.properties = properties;
        this.runner = runner;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.clock = clock;
    }

    /** Runs {@code task} now under its lock (tests, and the scheduler itself). False when not run. */
    boolean runNow(SyncTask task) {
        // ShedLock compares lock times with its own clock (real time): creating the lock on the application's clock,
        // which tests move, would hold it until that moved time has really come
        LockConfiguration lock = new LockConfiguration(ClockProvider.now(), task.name(), LOCK_AT_MOST, Duration.ZERO);
        AtomicBoolean ran = new AtomicBoolean();
        locks.executeWithLock((Runnable) () -> ran.set(runner.runIfDue(task)), lock);
        return ran.get();
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            log.info("Background tasks are off (marquee.sync.enabled=false)");
            return;
        }
        scheduler = new SimpleAsyncTaskScheduler();
        scheduler.setVirtualThreads(true);
        scheduler.setThreadNamePrefix("sync-");
        for (SyncTask task : tasks) {
            SyncProperties.Task settings = properties.task(task.name());
            if (!settings.enabled()) {
                log.info("Background task {} is off", task.name());
                continue;
            }
            scheduled.add(scheduler.scheduleWithFixedDelay(() -> runScheduled(task), settings.period()));
            log.info("Background task {} every {}", task.name(), settings.period());
        }
    }

    private void runScheduled(SyncTask task) {
        try {
            Instant last = lastRun.get(task.name());
            if (last != null && last.plus(TaskRunner.IDLE_RECORD_INTERVAL).isAfter(clock.instant()) && !task.hasWork()) {
                return; // nothing to do: no lock, no write
            }
            lastRun.put(task.name(), clock.instant());
            runNow(task);
        } catch (RuntimeException e) { // last resort: a scheduled run must never kill its schedule
            log.error("Background task {} could not run", task.name(), e);
        }
    }

    @Override
    public synchronized void stop() {
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    List<SyncTask> tasks() {
        return tasks;
    }
}
