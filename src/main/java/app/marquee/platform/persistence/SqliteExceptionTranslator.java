package app.marquee.platform.persistence;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Gives SQLite's errors the same Spring exceptions as PostgreSQL's. sqlite-jdbc reports no SQLState, so
 * without this a unique-key violation surfaces as an "uncategorized" exception: callers that rightly catch
 * {@link DuplicateKeyException} (an upsert race, ShedLock's lock row, notes/stack.md pitfall 1) would
 * fail on SQLite only.
 *
 * <p>Registered for the product name "SQLite" in {@code sql-error-codes.xml} at the classpath root, so every
 * {@code JdbcTemplate} uses it. Returns {@code null} for errors it does not know, leaving them to Spring.
 */
public final class SqliteExceptionTranslator implements SQLExceptionTranslator {

    @Override
    public @Nullable DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        if (!(ex instanceof SQLiteException sqlite)) {
            return null;
        }
        String message = task + (sql != null ? " [" + sql + "]" : "") + ": " + ex.getMessage();
        SQLiteErrorCode code = sqlite.getResultCode();
        return switch (code) {
            case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE -> new DuplicateKeyException(message, ex);
            case SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED, SQLITE_LOCKED_SHAREDCACHE ->
                    new CannotAcquireLockException(message, ex);
            // extended codes keep the primary code in their low byte: SQLITE_CONSTRAINT_CHECK = 19 | (1 << 8)
            default -> (code.code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code
                    ? new DataIntegrityViolationException(message, ex)
                    : null;
        };
    }
}
