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
                // ten tries at once, five to each node: the limit is checked as a request arrives, before the
                // password is, so however slow bcrypt is on a busy machine they land in the same second. One
                // shared bucket of 5 refuses about five of them; a bucket per node would refuse none.
                long limited;
                try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                    var answers = java.util.stream.IntStream.range(0, 10).mapToObj(i -> pool.submit(() ->
                            (i % 2 == 0 ? a : b).post("/api/auth/login", wrong, "X-Force-RateLimit", "true").status()))
                            .toList();
                    limited = answers.stream().map(f -> {
                        try {
                            return f.get();
                        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                            throw new IllegalStateException(e);
                        }
                    }).filter(status -> status == 429).count();
                }
                assertThat(limited).isBetween(4L, 5L);
                assertThat(connection.sync().keys("marquee:rate-limit:*")).isNotEmpty();
            }
        } catch (io.lettuce.core.RedisConnectionException e) {
            Required.require(false, "Redis at 127.0.0.1:6379 (" + e.getMessage() + ")");
        } finally {
            redis.shutdown();
        }
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
