package app.marquee.sync.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock's JDBC provider on the {@code shedlock} table of V1. Its JdbcTemplate translates SQLite's
 * unique-key errors into {@code DuplicateKeyException} through the platform's {@code sql-error-codes.xml}
 * (notes/stack.md pitfall 1), which ShedLock needs when the lock row already exists after a restart.
 */
@Configuration(proxyBeanMethods = false)
class ShedLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .build());
    }
}
