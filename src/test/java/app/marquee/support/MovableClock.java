package app.marquee.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that stands still until a test moves it, so time-based behaviour is tested without sleeping; or,
 * {@link #ticking()}, one that runs with real time from wherever a test moved it (for tests where the background
 * scheduler must keep running).
 */
public final class MovableClock extends Clock {

    private final java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>();
    private final boolean ticking;

    public MovableClock(Instant start) {
        this(start, false);
    }

    private MovableClock(Instant start, boolean ticking) {
        this.now.set(start);
        this.ticking = ticking;
    }

    public MovableClock() {
        this(Instant.parse("2026-11-25T12:00:00Z"));
    }

    /** A clock at the real present, for tests whose data carries real times (token expiry, outside services). */
    public static MovableClock startingNow() {
        return new MovableClock(Instant.now());
    }

    /** Real time, moved by {@link #advance}. */
    public static MovableClock ticking() {
        return new MovableClock(Instant.EPOCH, true);
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
        if (ticking) {
            return Instant.now().plus(Duration.between(Instant.EPOCH, now.get()));
        }
        return now.get();
    }
}
