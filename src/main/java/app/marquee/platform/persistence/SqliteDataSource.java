package app.marquee.platform.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import app.marquee.platform.DatabaseUrl;

/**
 * SQLite with one writer and several readers, so background writers never make the API fail with
 * "database is locked".
 *
 * <p>In WAL mode readers never block the writer nor each other, but a deferred transaction that reads and
 * then writes cannot upgrade its lock once another connection has written: SQLite answers BUSY at once and
 * {@code busy_timeout} does not help (notes/stack.md §4 measured ~10,000 such errors in 10 s with a plain
 * pool of 10). So all writes go through a single connection that begins every transaction
 * {@code IMMEDIATE}, and read-only transactions ({@code @Transactional(readOnly = true)}) go to a pool of
 * plain WAL readers.
 */
final class SqliteDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

    /** Pragmas every connection needs; values already in the configured URL win. */
    private static final Map<String, String> PRAGMAS = Map.of(
            "journal_mode", "WAL",
            "busy_timeout", "10000",
            "foreign_keys", "true",
            "synchronous", "NORMAL");

    private final HikariDataSource writer;
    private final HikariDataSource reader;

    SqliteDataSource(String url, int readers) {
        createParentDirectory(url);
        this.writer = pool("sqlite-write", withParameter(withPragmas(url), "transaction_mode", "IMMEDIATE"), 1);
        this.reader = pool("sqlite-read", withPragmas(url), readers);
        setTargetDataSource(writer);
        setReadOnlyDataSource(reader);
        afterPropertiesSet();
    }

    @Override
    public void close() {
        reader.close();
        writer.close();
    }

    private static HikariDataSource pool(String name, String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static String withPragmas(String url) {
        String result = url;
        for (var pragma : PRAGMAS.entrySet()) {
            result = withParameter(result, pragma.getKey(), pragma.getValue());
        }
        return result;
    }

    private static String withParameter(String url, String name, String value) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                if (parameter.startsWith(name + "=")) {
                    return url;
                }
            }
        }
        return url + (query >= 0 ? "&" : "?") + name + "=" + value;
    }

    /** sqlite-jdbc does not create the directory of a new database file (notes/stack.md pitfall 4). */
    private static void createParentDirectory(String url) {
        DatabaseUrl.sqliteFile(url).ifPresent(file -> {
            Path parent = file.toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("spring.datasource.url: cannot create the directory " + parent, e);
            }
        });
    }
}
