package app.marquee.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.marquee.accounts.internal.RateLimiter.Group;

class RateLimiterTest {

    @Test
    void aBurstIsAllowedThenTheClientWaitsForTheRefill() {
        RateLimiter limiter = RateLimiter.inMemory();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume(Group.REFRESH, "192.0.2.1").allowed()).isTrue();
        }
        RateLimiter.Decision denied = limiter.tryConsume(Group.REFRESH, "192.0.2.1");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfterSeconds()).isBetween(1L, 5L);
    }

    @Test
    void clientsAndGroupsHaveTheirOwnBuckets() {
        RateLimiter limiter = RateLimiter.inMemory();
        for (int i = 0; i < 5; i++) {
            limiter.tryConsume(Group.LOGIN, "192.0.2.1");
        }
        assertThat(limiter.tryConsume(Group.LOGIN, "192.0.2.1").allowed()).isFalse();
        assertThat(limiter.tryConsume(Group.LOGIN, "192.0.2.2").allowed()).isTrue();
        assertThat(limiter.tryConsume(Group.READ, "192.0.2.1").allowed()).isTrue();
    }
}
