package app.marquee.torrent.libtorrent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.marquee.torrent.PieceDeadline;
import app.marquee.torrent.PiecePrioritizer;
import app.marquee.torrent.PieceSpan;

/**
 * The default {@link PiecePrioritizer}: for each reader, the piece it is at is due now and the next ones
 * {@link #STEP_MILLIS} apart, over about {@link #WINDOW_BYTES} ahead; the file's last pieces (about
 * {@link #TAIL_BYTES}, where a non-fast-start MP4 keeps its {@code moov} index) are due soon after, so a player
 * can start and seek. The measured pattern of notes/engine.md §4. Libtorrent takes pieces with deadlines in
 * random order, so the engine keeps top priority only for those that sequential download would bring late
 * ({@link SequentialDeadlines}): the reader's piece and the tail come first, the window's next pieces in order.
 */
final class ReadAheadPrioritizer implements PiecePrioritizer {

    static final long WINDOW_BYTES = 8L * 1024 * 1024;
    static final long TAIL_BYTES = 1024L * 1024;
    static final int STEP_MILLIS = 100;
    static final int MIN_WINDOW_PIECES = 4;
    static final int MAX_WINDOW_PIECES = 64;

    @Override
    public List<PieceDeadline> deadlines(PieceSpan file, int pieceLength, List<Integer> readerPieces) {
        if (file.count() == 0) {
            return List.of();
        }
        int window = (int) Math.clamp((WINDOW_BYTES + pieceLength - 1) / pieceLength, MIN_WINDOW_PIECES,
                MAX_WINDOW_PIECES);
        int tail = (int) Math.clamp((TAIL_BYTES + pieceLength - 1) / pieceLength, 1, window);
        Map<Integer, Integer> due = new LinkedHashMap<>();
        for (int reader : readerPieces) {
            for (int i = 0; i < window && reader + i <= file.last(); i++) {
                due.merge(reader + i, i * STEP_MILLIS, Math::min);
            }
        }
        if (!readerPieces.isEmpty()) {
            for (int i = 0; i < tail && file.last() - i >= file.first(); i++) {
                due.merge(file.last() - i, STEP_MILLIS + i * STEP_MILLIS, Math::min);
            }
        }
        List<PieceDeadline> deadlines = new ArrayList<>(due.size());
        due.forEach((piece, millis) -> deadlines.add(new PieceDeadline(piece, millis)));
        return deadlines;
    }
}
