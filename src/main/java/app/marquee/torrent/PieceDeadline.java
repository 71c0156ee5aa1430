package app.marquee.torrent;

/**
 * A piece wanted within {@code millis} from now. Pieces with deadlines are requested before all others, in
 * deadline order, and may be requested from several peers at once.
 */
public record PieceDeadline(int piece, int millis) {

    public PieceDeadline {
        if (piece < 0 || millis < 0) {
            throw new IllegalArgumentException("bad deadline " + piece + "@" + millis + "ms");
        }
    }
}
