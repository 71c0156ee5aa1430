package app.marquee.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test moves it, so time-based behaviour is tested without sleeping. */
public final class MovableClock extends Clock {

    private final java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>();

    public MovableClock(Instant start) {
        this.now.set(start);
    }

    public MovableClock() {
        this(Instant.parse("2026-11-25T12:00:00Z"));
    }

    /** A clock at the real present, for tests whose data carries real times (token expiry, outside services). */
    public static MovableClock startingNow() {
        return new MovableClock(Instant.now());
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
