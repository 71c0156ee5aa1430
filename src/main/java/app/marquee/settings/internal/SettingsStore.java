package app.marquee.settings.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.marquee.accounts.FieldEncryption;

/**
 * Writes settings to {@code app_setting}: secrets encrypted ({@link FieldEncryption}), an empty value removes
 * the row (the setting falls back to {@code application.yml} or its default). All changes of one request in one
 * transaction. The upsert is spelled the same on SQLite and PostgreSQL.
 */
@Component
class SettingsStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FieldEncryption encryption;
    private final Clock clock;

    SettingsStore(JdbcClient jdbc, PlatformTransactionManager transactions, FieldEncryption encryption, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.encryption = encryption;
        this.clock = clock;
    }

    /** Stores every change (key to clear value, empty to remove), all or none. */
    void save(Map<String, String> changes, @Nullable String adminId) {
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(status -> changes.forEach((key, value) -> {
            if (value.isEmpty()) {
                jdbc.sql("DELETE FROM app_setting WHERE setting_key = ?").param(key).update();
                return;
            }
            boolean secret = SettingCatalog.find(key).map(Setting::secret).orElse(true);
            jdbc.sql("""
                    INSERT INTO app_setting (setting_key, setting_value, value_encrypted, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (setting_key) DO UPDATE SET setting_value = excluded.setting_value,
                        value_encrypted = excluded.value_encrypted, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by""")
                    .params(key, secret ? encryption.encrypt(value) : value, secret, now, adminId)
                    .update();
        }));
    }
}
