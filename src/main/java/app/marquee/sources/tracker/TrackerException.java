package app.marquee.sources.tracker;

/**
 * A tracker could not be scraped: its URL cannot be scraped, it did not answer in time, it answered an error
 * (the message holds the tracker's own words) or something that is not a scrape answer. The message names
 * the tracker.
 */
public class TrackerException extends RuntimeException {

    public TrackerException(String message) {
        super(message);
    }

    public TrackerException(String message, Throwable cause) {
        super(message, cause);
    }
}
