package app.marquee.sources;

/** A magnet link that cannot be used; the message says exactly what is wrong with it. */
public class InvalidMagnetException extends IllegalArgumentException {

    public InvalidMagnetException(String message) {
        super(message);
    }
}
