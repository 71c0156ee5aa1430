package app.marquee.trakt.client;

/** Trakt could not be reached, timed out, or answered something that is not its documented answer. */
public class TraktUnavailableException extends RuntimeException {

    public TraktUnavailableException(String message) {
        super(message);
    }

    public TraktUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
