package app.marquee.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A throw-away schema in the machine's PostgreSQL (127.0.0.1:5432, database {@code test}, trust auth),
 * so tests never see each other's rows. Dropped with everything in it on {@link #close()}.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** Creates a new schema; fails (CI) or skips (laptop) when PostgreSQL cannot be reached. */
    public static PostgresSchema create() {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        String name = "marquee_it_" + HexFormat.of().formatHex(suffix);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            Required.require(false, "PostgreSQL at " + SERVER + " (" + e.getMessage() + ")");
        }
        return new PostgresSchema(name);
    }

    public String name() {
        return name;
    }

    /** A JDBC URL whose connections use this schema. */
    public String url() {
        return SERVER + "?currentSchema=" + name;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(SERVER, USER, "");
    }
}
