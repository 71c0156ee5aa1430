package app.marquee.platform;

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
}
