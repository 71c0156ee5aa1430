package app.marquee.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.marquee.accounts.internal.RateLimiter.Group;
import app.marquee.support.Required;

/** Two nodes with their own Redis clients draw from one set of buckets in the machine's Redis. */
class RedisRateLimiterIT {

    private RedisClient first;
    private RedisClient second;

    @BeforeEach
    void connect() {
        first = RedisClient.create("redis://127.0.0.1:6379");
        second = RedisClient.create("redis://127.0.0.1:6379");
        try (var connection = first.connect()) {
            Required.require("PONG".equals(connection.sync().ping()), "Redis at 127.0.0.1:6379");
        } catch (RedisConnectionException e) {
            Required.require(false, "Redis at 127.0.0.1:6379 (" + e.getMessage() + ")");
        }
    }

    @AfterEach
    void close() {
        first.shutdown();
        second.shutdown();
    }

    @Test
    void nodesShareOneBucketPerClient() {
        String prefix = "marquee-test:" + UUID.randomUUID() + ":";
        RateLimiter nodeA = RateLimiter.redis(() -> first, prefix);
        RateLimiter nodeB = RateLimiter.redis(() -> second, prefix);
        for (int i = 0; i < 3; i++) {
            assertThat(nodeA.tryConsume(Group.LOGIN, "198.51.100.7").allowed()).isTrue();
        }
        assertThat(nodeB.tryConsume(Group.LOGIN, "198.51.100.7").allowed()).isTrue();
        assertThat(nodeB.tryConsume(Group.LOGIN, "198.51.100.7").allowed()).isTrue();
        RateLimiter.Decision sixth = nodeA.tryConsume(Group.LOGIN, "198.51.100.7");
        assertThat(sixth.allowed()).as("the burst of 5 is shared by both nodes").isFalse();
        assertThat(sixth.retryAfterSeconds()).isEqualTo(1);
        assertThat(nodeB.tryConsume(Group.LOGIN, "198.51.100.8").allowed()).isTrue();
    }
}
