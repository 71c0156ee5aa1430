package app.marquee.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (PostgreSQL, Redis, a Debian tool). On a laptop a missing one skips
 * the test with the reason; under {@code CI=true} it fails it, so CI never passes by skipping.
 */
public final class Required {

    private Required() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        if (inCi()) {
            Assertions.fail(what + " is required under CI=true but is not available");
        }
        Assumptions.abort(what + " is not available: skipped (it would fail under CI=true)");
    }
}
