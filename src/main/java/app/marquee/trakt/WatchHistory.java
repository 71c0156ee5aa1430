package app.marquee.trakt;

import java.util.List;

import org.springframework.stereotype.Component;

import app.marquee.trakt.internal.ProgressTracker;

/** A user's watch progress as other modules read it (the web UI's "Continue watching"). */
@Component
public final class WatchHistory {

    private final ProgressTracker tracker;

    WatchHistory(ProgressTracker tracker) {
        this.tracker = tracker;
    }

    /** The user's progress, most recently updated first. */
    public List<ProgressEntry> of(String userId) {
        return tracker.list(userId);
    }
}
