package app.marquee.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Lets one set of migrations run on SQLite and PostgreSQL: fills the {@code ${id_pk}} and {@code ${blob}}
 * placeholders with the database's own spelling (notes/stack.md §3), and {@code ${postgresql_only}}, which
 * starts a statement only PostgreSQL runs.
 */
@Component
final class FlywayVendorPlaceholders implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        DatabaseVendor vendor;
        try (Connection connection = configuration.getDataSource().getConnection()) {
            vendor = DatabaseVendor.ofProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot open the database to migrate it", e);
        }
        Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
        placeholders.put("id_pk", vendor.identityPrimaryKey);
        placeholders.put("blob", vendor.blob);
        // a statement only PostgreSQL needs (moving an identity sequence): on SQLite the line becomes a comment
        placeholders.put("postgresql_only", vendor == DatabaseVendor.POSTGRESQL ? "" : "-- ");
        configuration.placeholders(placeholders);
    }
}
