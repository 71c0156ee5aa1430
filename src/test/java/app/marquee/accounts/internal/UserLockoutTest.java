package app.marquee.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.marquee.accounts.Role;

class UserLockoutTest {

    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void fourFailuresCostNothingTheFifthLocksForThirtySecondsAndEachMoreDoubles() {
        User user = new User("a@b.c", "index", "hash", Role.USER, now);
        for (int i = 0; i < 4; i++) {
            user.loginFailed(now);
        }
        assertThat(user.isLocked(now)).isFalse();
        user.loginFailed(now);
        assertThat(user.getLockedUntil()).isEqualTo(now.plusSeconds(30));
        user.loginFailed(now);
        assertThat(user.getLockedUntil()).isEqualTo(now.plusSeconds(60));
        assertThat(user.isLocked(now.plusSeconds(59))).isTrue();
        assertThat(user.isLocked(now.plusSeconds(60))).isFalse();
    }

    @Test
    void theLockNeverExceedsFifteenMinutesAndASuccessClearsIt() {
        User user = new User("a@b.c", "index", "hash", Role.USER, now);
        for (int i = 0; i < 40; i++) {
            user.loginFailed(now);
        }
        assertThat(Duration.between(now, user.getLockedUntil())).isEqualTo(Duration.ofMinutes(15));
        user.loginSucceeded(now);
        assertThat(user.isLocked(now)).isFalse();
        assertThat(user.getFailedLoginCount()).isZero();
    }
}
