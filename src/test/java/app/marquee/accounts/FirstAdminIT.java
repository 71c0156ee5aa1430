package app.marquee.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import app.marquee.MarqueeApplication;
import app.marquee.support.ApiClient;

/** The first admin, as a user meets it at start-up. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminIT {

    @TempDir
    Path dataDir;

    @Test
    void theConfiguredAdminIsCreatedOnAnEmptyServerAndCanLogIn(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start("--marquee.admin.email=Boss@Example.com",
                "--marquee.admin.password=first admin password")) {
            int port = port(app);
            ApiClient admin = ApiClient.anonymous(port).login("boss@example.com", "first admin password");
            assertThat(admin.get("/api/auth/session").json().path("user").path("role").asString()).isEqualTo("admin");
            assertThat(ApiClient.anonymous(port).post("/api/auth/setup",
                    Map.of("email", "other@example.com", "password", "password!")).status()).isEqualTo(404);
        }
        assertThat(output.getAll()).contains("Created the first admin").doesNotContain("first admin password");

        try (ConfigurableApplicationContext again = start("--marquee.admin.email=someone.else@example.com",
                "--marquee.admin.password=another password")) {
            assertThat(ApiClient.anonymous(port(again)).post("/api/auth/login",
                    Map.of("email", "someone.else@example.com", "password", "another password")).status())
                    .as("only an empty server gets the configured admin").isEqualTo(401);
        }
    }

    @Test
    void anEmptyServerWithoutOneSaysHowToCreateIt(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(output.getAll()).contains("No account exists yet", "/api/auth/setup", "MARQUEE_ADMIN_EMAIL")
                    // Spring Boot's default in-memory user would log its generated password: there is none
                    .doesNotContain("generated security password");
            assertThat(ApiClient.anonymous(port(app)).post("/api/auth/setup",
                    Map.of("email", "me@example.com", "password", "password!")).status()).isEqualTo(201);
        }
    }

    private ConfigurableApplicationContext start(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--marquee.data-dir=" + dataDir;
        all[args.length + 1] = "--server.port=0";
        return new SpringApplicationBuilder(MarqueeApplication.class).run(all);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
