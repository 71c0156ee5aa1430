package app.marquee.catalog.tmdb;

/**
 * A TMDB call that gave no usable answer. {@link NotFound} means TMDB does not know the resource; every
 * other kind means TMDB could not be asked right now (down, slow, rate limiting, circuit open, garbage),
 * and the caller should answer from what it already has or report the outage.
 */
public sealed class TmdbException extends RuntimeException
        permits TmdbException.NotFound, TmdbException.Unavailable {

    TmdbException(String message, Throwable cause) {
        super(message, cause);
    }

    TmdbException(String message) {
        super(message);
    }

    /** TMDB answered 404 (its {@code status_code} 34): the id or page does not exist. */
    public static final class NotFound extends TmdbException {
        NotFound(String path) {
            super("TMDB has no " + path);
        }
    }

    /** TMDB could not give an answer now; {@link #timedOut()} tells a timeout from other failures. */
    public static sealed class Unavailable extends TmdbException permits RateLimited {
        private final boolean timedOut;

        Unavailable(String message, boolean timedOut, Throwable cause) {
            super(message, cause);
            this.timedOut = timedOut;
        }

        Unavailable(String message) {
            super(message);
            this.timedOut = false;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }

    /** TMDB answered 429: wait {@link #retryAfterSeconds()} before the next call. */
    public static final class RateLimited extends Unavailable {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super("TMDB rate limit hit, retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
