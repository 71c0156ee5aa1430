package app.marquee.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background writers never make the API fail with "database is locked": writers that read before they
 * write (the pattern that gave thousands of SQLITE_BUSY errors with a plain pool, notes/stack.md §4) run
 * beside readers on the real SQLite file, and not one operation fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SqliteConcurrencyIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("marquee.data-dir", dataDir::toString);
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void writersThatReadFirstAndConcurrentReadersNeverSeeBusyErrors() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate write = new TransactionTemplate(transactions);
        TransactionTemplate read = new TransactionTemplate(transactions);
        read.setReadOnly(true);

        Instant end = Instant.now().plus(Duration.ofSeconds(3));
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            String task = "task-" + w;
            threads.add(Thread.ofPlatform().start(() -> {
                while (Instant.now().isBefore(end) && failures.isEmpty()) {
                    try {
                        write.executeWithoutResult(status -> {
                            Integer runs = jdbc.queryForObject("SELECT COUNT(*) FROM sync_state WHERE task = ?",
                                    Integer.class, task);
                            Timestamp now = Timestamp.from(Instant.now());
                            if (runs == 0) {
                                jdbc.update("INSERT INTO sync_state (task, last_run_at, consecutive_failures) "
                                        + "VALUES (?, ?, 0)", task, now);
                            } else {
                                jdbc.update("UPDATE sync_state SET last_run_at = ?, consecutive_failures = "
                                        + "consecutive_failures + 1 WHERE task = ?", now, task);
                            }
                            jdbc.update("INSERT INTO audit_log (occurred_at, event, outcome) VALUES (?, ?, 'success')",
                                    now, task);
                        });
                        writes.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (int r = 0; r < 6; r++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (Instant.now().isBefore(end) && failures.isEmpty()) {
                    try {
                        read.executeWithoutResult(status -> {
                            jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Integer.class);
                            jdbc.queryForList("SELECT task, consecutive_failures FROM sync_state");
                        });
                        reads.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(writes.get()).isGreaterThan(50);
        assertThat(reads.get()).isGreaterThan(50);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Integer.class)).isEqualTo(writes.get());
    }
}
