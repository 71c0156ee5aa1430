package app.marquee.torrent;

import java.util.List;

/**
 * Which pieces of a file being streamed are urgent, given where its readers are. The engine applies the answer
 * as libtorrent piece deadlines each time a reader opens, moves or leaves; every other piece of the file stays
 * at low priority (never 0: a torrent whose wanted pieces are all present turns "finished" and drops its peers).
 * A bean of this type replaces the default. Implementations must be thread-safe and fast (no I/O).
 */
public interface PiecePrioritizer {

    /**
     * @param file the pieces of the file being read
     * @param pieceLength bytes per piece
     * @param readerPieces the piece each open reader is at (inside {@code file}), possibly empty
     * @return deadlines to set; pieces already present are skipped by the engine
     */
    List<PieceDeadline> deadlines(PieceSpan file, int pieceLength, List<Integer> readerPieces);
}
