package app.marquee.platform.persistence;

import org.hibernate.cfg.MappingSettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import app.marquee.platform.DataDirectory;
import app.marquee.platform.DatabaseUrl;

/**
 * The embedded database: SQLite in {@code <data-dir>/marquee.db}, unless {@code spring.datasource.url}
 * names another database. A {@code jdbc:postgresql:} URL leaves the data source to Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SqliteConfiguration.OnSqlite.class)
class SqliteConfiguration {

    @Bean
    SqliteDataSource dataSource(Environment environment, DataDirectory dataDirectory) {
        String url = DatabaseUrl.of(environment, dataDirectory);
        int readers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        return new SqliteDataSource(url, readers);
    }

    /**
     * Instants as plain JDBC timestamps on SQLite. Hibernate's default reads them with one static UTC
     * {@code Calendar} shared by every thread, which sqlite-jdbc writes into while converting: under concurrent
     * reads, a session's expiry sometimes came back as another row's time and valid requests got 401s. The stored
     * form is unchanged (epoch milliseconds), and a {@code Timestamp} converts to an {@code Instant} without any
     * time zone. PostgreSQL keeps Hibernate's default.
     */
    @Bean
    HibernatePropertiesCustomizer sqliteInstants() {
        return properties -> properties.put(MappingSettings.PREFERRED_INSTANT_JDBC_TYPE, "TIMESTAMP");
    }

    /** True when no datasource URL is set, or it is a SQLite one. */
    static final class OnSqlite implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return DatabaseUrl.isSqlite(context.getEnvironment());
        }
    }
}
