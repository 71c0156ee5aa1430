package app.marquee.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.lettuce.core.RedisClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.marquee.MarqueeApplication;
import app.marquee.support.ApiClient;
import app.marquee.support.Required;

/** With Redis configured, two servers draw from the same rate-limit buckets: a client cannot spread its tries. */
class RedisRateLimitIT {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void twoNodesOnOneRedisShareTheLoginLimit() {
        RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");
        try (var connection = redis.connect()) {
            Required.require("PONG".equals(connection.sync().ping()), "Redis at 127.0.0.1:6379");
            connection.sync().keys("marquee:rate-limit:*").forEach(key -> connection.sync().del(key));

            try (ConfigurableApplicationContext nodeA = start(first); ConfigurableApplicationContext nodeB = start(second)) {
                ApiClient a = ApiClient.anonymous(port(nodeA));
                ApiClient b = ApiClient.anonymous(port(nodeB));
                Map<String, String> wrong = Map.of("email", "nobody@example.com", "password", "wrong password");
                // the limit is checked as a request arrives, before the password is: concurrent tries land in
                // the same second however slow bcrypt is on a busy machine
                assertThat(burst(a, wrong)).as("node A spends the burst of 5").isZero();
                assertThat(burst(b, wrong)).as("node B finds the shared bucket empty").isGreaterThanOrEqualTo(4);
                assertThat(connection.sync().keys("marquee:rate-limit:*")).isNotEmpty();
            }
        } catch (io.lettuce.core.RedisConnectionException e) {
            Required.require(false, "Redis at 127.0.0.1:6379 (" + e.getMessage() + ")");
        } finally {
            redis.shutdown();
        }
    }

    /** Five concurrent login tries; how many were rate limited. */
    private static long burst(ApiClient client, Map<String, String> body) {
        return client.concurrently(5, c -> c.post("/api/auth/login", body, "X-Force-RateLimit", "true")).stream()
                .filter(response -> response.status() == 429).count();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(MarqueeApplication.class).run("--marquee.data-dir=" + dataDir,
                "--server.port=0", "--spring.data.redis.url=redis://127.0.0.1:6379",
                "--marquee.accounts.rate-limits.test-mode=true");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
