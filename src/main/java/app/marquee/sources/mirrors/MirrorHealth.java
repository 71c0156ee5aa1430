package app.marquee.sources.mirrors;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * How one mirror of an indexer API is doing, for the admin pages.
 *
 * @param uri the mirror's API root, as configured
 * @param state whether searches may use it now
 * @param lastError why its last request failed, null when it answered
 */
public record MirrorHealth(URI uri, State state, @Nullable String lastError) {

    public enum State {
        /** Asked in turn. */
        AVAILABLE,
        /**
         * Failed recently and skipped by searches; once its cooldown has passed, the next search that reaches it
         * probes it (it stays in this state until then).
         */
        COOLING_DOWN,
        /** A probe request is on its way; its answer closes or reopens the mirror. */
        PROBING
    }
}
