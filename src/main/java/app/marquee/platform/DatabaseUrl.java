package app.marquee.platform;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.env.Environment;

/**
 * Where the database is: {@code spring.datasource.url} when set, else the embedded SQLite file
 * {@code <data-dir>/marquee.db}. Shared by the data source and by code that must read the database before the
 * application's beans exist (settings stored through the configuration API).
 */
public final class DatabaseUrl {

    public static final String PROPERTY = "spring.datasource.url";

    private DatabaseUrl() {
    }

    /** The JDBC URL Marquee connects to. */
    public static String of(Environment environment, DataDirectory dataDirectory) {
        String url = environment.getProperty(PROPERTY);
        if (url == null || url.isBlank()) {
            return "jdbc:sqlite:" + dataDirectory.resolve("marquee.db");
        }
        return url;
    }

    /** True when no datasource URL is set, or it is a SQLite one. */
    public static boolean isSqlite(Environment environment) {
        String url = environment.getProperty(PROPERTY);
        return url == null || url.isBlank() || url.startsWith("jdbc:sqlite:");
    }

    /** The database file of a {@code jdbc:sqlite:} URL; empty for an in-memory database. */
    public static Optional<Path> sqliteFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.startsWith(":memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file));
    }
}
