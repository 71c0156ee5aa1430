package app.marquee.torrent;

/** The engine could not do what was asked (the native library is missing, libtorrent refused an operation). */
public class TorrentEngineException extends RuntimeException {

    public TorrentEngineException(String message) {
        super(message);
    }

    public TorrentEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
