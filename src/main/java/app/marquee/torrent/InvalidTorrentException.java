package app.marquee.torrent;

/** A .torrent file, info dictionary or magnet that cannot be used; the message says what is wrong and where. */
public class InvalidTorrentException extends RuntimeException {

    public InvalidTorrentException(String message) {
        super(message);
    }

    public InvalidTorrentException(String message, Throwable cause) {
        super(message, cause);
    }
}
