package app.marquee.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.PostgresSchema;

/**
 * The schema contract on PostgreSQL, chosen the way a user chooses it: by {@code spring.datasource.url}.
 * Runs in a schema of its own in the machine's database {@code test}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostgresSchemaIT extends SchemaContract {

    static PostgresSchema schema;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        schema = PostgresSchema.create();
        registry.add("spring.datasource.url", schema::url);
        registry.add("spring.datasource.username", () -> PostgresSchema.USER);
        registry.add("spring.flyway.schemas", schema::name);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void theApplicationRunsOnPostgresql() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(schema.name());
    }
}
