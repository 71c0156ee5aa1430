package app.marquee.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeTmdb;
import app.marquee.support.Required;

/** With spring.data.redis.url set, TMDB responses are cached in the machine's Redis (127.0.0.1:6379). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisResponseCacheIT {

    static final String PREFIX = "marquee-it-" + UUID.randomUUID() + ":";
    static final String MOVIE_KEY = PREFIX + "/movie/105?append_to_response=translations,images&language=en";

    @TempDir
    static Path dataDir;
    static FakeTmdb tmdb;

    @BeforeAll
    static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2000);
        } catch (IOException e) {
            Required.require(false, "Redis at 127.0.0.1:6379");
        }
        tmdb = FakeTmdb.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        registry.add("marquee.tmdb.cache-key-prefix", () -> PREFIX);
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:6379");
    }

    @AfterAll
    static void cleanUp() {
        if (tmdb != null) {
            tmdb.close();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void responsesAreSharedThroughRedisWithTheConfiguredTtl() {
        try {
            ApiClient api = new ApiClient(port);
            assertThat(api.get("/api/movies/105").status()).isEqualTo(200);
            assertThat(tmdb.calls()).isEqualTo(1);
            assertThat(redis.hasKey(MOVIE_KEY)).isTrue();
            assertThat(redis.opsForValue().get(MOVIE_KEY)).contains("\"imdb_id\":\"tt0088763\"");
            assertThat(Duration.ofSeconds(redis.getExpire(MOVIE_KEY))).isBetween(Duration.ofHours(23), Duration.ofHours(24));

            jdbc.update("DELETE FROM movie WHERE tmdb_id = 105");
            assertThat(api.get("/api/movies/105").status()).isEqualTo(200);
            assertThat(tmdb.calls()).as("answered from Redis").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM movie WHERE tmdb_id = 105", Integer.class)).isEqualTo(1);
        } finally {
            var keys = redis.keys(PREFIX + "*");
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
        }
    }
}
