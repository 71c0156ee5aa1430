package app.marquee.settings.internal;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;

import app.marquee.accounts.AccountKeys;
import app.marquee.accounts.AccountsProperties;
import app.marquee.accounts.FieldEncryption;
import app.marquee.platform.DataDirectory;
import app.marquee.platform.DatabaseUrl;
import app.marquee.platform.GeneratedSecrets;
import app.marquee.platform.MarqueeProperties;

/**
 * Reads the stored settings into the environment before any bean binds its properties, so a stored value
 * applies from the first moment of a start, as if it were in {@code application.yml}.
 *
 * <p>A bean factory post-processor, not an environment post-processor: it runs once the environment is
 * complete (a test's dynamic properties, which may name the data directory, are only added after the
 * environment post-processors ran) and before any singleton is made. It cannot use the application's data
 * source, which is itself a bean, so it reads the table over one plain JDBC connection to the configured
 * database (SQLite file or PostgreSQL URL with its user and password). A database without the table yet (first
 * start, migrations not run) has no stored settings. Encrypted values are opened with the application's own keys,
 * resolved as {@link AccountKeys} resolves them; values are never logged.
 */
final class StoredSettingsLoader implements BeanFactoryPostProcessor, PriorityOrdered {

    private static final Logger log = LoggerFactory.getLogger(StoredSettingsLoader.class);
    static final String TABLE = "app_setting";

    private final ConfigurableEnvironment environment;

    StoredSettingsLoader(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        new StoredSettingsSource(read()).install(environment);
    }

    private Map<String, String> read() {
        Binder binder = Binder.get(environment);
        DataDirectory dataDirectory = new DataDirectory(binder.bindOrCreate("marquee", MarqueeProperties.class));
        String url = DatabaseUrl.of(environment, dataDirectory);
        if (DatabaseUrl.isSqlite(environment) && !DatabaseUrl.sqliteFile(url).map(Files::exists).orElse(false)) {
            return Map.of();
        }
        try (Connection connection = DriverManager.getConnection(url,
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"))) {
            if (!hasTable(connection)) {
                return Map.of();
            }
            return rows(connection, () -> new FieldEncryption(new AccountKeys(
                    binder.bindOrCreate("marquee.accounts", AccountsProperties.class), new GeneratedSecrets(dataDirectory))));
        } catch (SQLException e) {
            // the data source will fail on the same database with the full story; stored settings wait for it
            log.warn("Cannot read the settings stored through /api/config: {}", e.getMessage());
            return Map.of();
        }
    }

    /** Every stored value of a setting the API may change, decrypted. */
    private static Map<String, String> rows(Connection connection, EncryptionSupplier encryption) throws SQLException {
        Map<String, String> values = new HashMap<>();
        @Nullable FieldEncryption opened = null;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT setting_key, setting_value, value_encrypted FROM " + TABLE);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String key = rows.getString(1);
                if (SettingCatalog.find(key).isEmpty()) {
                    log.warn("Ignoring the stored setting {}: the API may no longer set it", key);
                    continue;
                }
                String value = rows.getString(2);
                if (rows.getBoolean(3)) {
                    if (opened == null) {
                        opened = encryption.get();
                    }
                    try {
                        value = opened.decrypt(value);
                    } catch (IllegalArgumentException e) {
                        // another encryption key than the one it was stored with: start without it, say which
                        log.warn("Ignoring the stored setting {}: {}", key, e.getMessage());
                        continue;
                    }
                }
                values.put(key, value);
            }
        }
        return values;
    }

    private static boolean hasTable(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, schema, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }


    @FunctionalInterface
    private interface EncryptionSupplier {
        FieldEncryption get();
    }
}
