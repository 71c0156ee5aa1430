package app.marquee.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.PostgresSchema;

/**
 * The accounts flow on PostgreSQL, with Hibernate validating every mapped entity against the schema the
 * migrations made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsPostgresIT {

    static PostgresSchema schema;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        schema = PostgresSchema.create();
        registry.add("spring.datasource.url", schema::url);
        registry.add("spring.datasource.username", () -> PostgresSchema.USER);
        registry.add("spring.flyway.schemas", schema::name);
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loginRefreshReuseAndLogoutWorkOnPostgresql() {
        ApiClient admin = ApiClient.admin(port);
        assertThat(admin.post("/api/auth/users", Map.of("email", "pg@example.com", "password", "password!",
                "role", "user")).status()).isEqualTo(201);
        assertThat(admin.post("/api/auth/users", Map.of("email", "PG@example.com", "password", "password!",
                "role", "user")).status()).isEqualTo(409);

        ApiClient browser = ApiClient.anonymous(port).login("pg@example.com", "password!");
        assertThat(browser.get("/api/auth/session").json().path("user").path("email").asString())
                .isEqualTo("pg@example.com");
        assertThat(browser.post("/api/auth/refresh/" + browser.sessionId(), "").status()).isEqualTo(200);
        assertThat(browser.get("/api/auth/session").status()).isEqualTo(200);
        assertThat(browser.post("/api/auth/logout/" + browser.sessionId(), "").status()).isEqualTo(200);
        assertThat(browser.get("/api/auth/session").status()).isEqualTo(401);

        assertThat(jdbc.queryForList("SELECT email FROM app_user", String.class))
                .allSatisfy(email -> assertThat(email).startsWith("k1:").doesNotContain("@"));
        assertThat(jdbc.queryForList("SELECT event FROM audit_log ORDER BY id", String.class))
                .contains("user.created", "login", "token.refresh", "logout");
    }
}
