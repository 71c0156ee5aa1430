package app.marquee.torrent.libtorrent;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import app.marquee.torrent.PieceDeadline;
import app.marquee.torrent.PieceSpan;

/**
 * The deadline pieces that must not keep the top priority {@code set_piece_deadline} gives them, because
 * libtorrent's sequential picker brings them in order anyway.
 * <p>
 * Libtorrent 2.0 honours deadline order only in its time-critical pass, once a second
 * ({@code torrent::request_time_critical_pieces}). Between two passes its ordinary picker fills each peer's request
 * pipeline: with sequential download it takes the top-priority pieces first, in random order (the top bucket of
 * {@code piece_picker::m_pieces} is shuffled), then the others from the first missing piece on
 * ({@code piece_picker::pick_pieces}). A seeder that unchokes us is sent that whole order within milliseconds
 * (slow start grows the pipeline with every block, up to 500 requests, 8 MiB) and serves it in turn, as aria2c
 * does; the next pass comes too late to reorder it. So with every deadline at top priority, a window at the start of
 * a file and its tail came in random order: the reader's piece and the file's last piece (an MP4's {@code moov})
 * each anywhere among the ~36 pieces of the window and the tail.
 * <p>
 * Only the pieces that must jump the sequence keep top priority: the readers' own pieces, the deadline pieces
 * behind a missing piece without a deadline (the tail, a window in the middle of the file). The pieces that follow
 * a reader with nothing missing before them go below top priority and keep their deadlines (the time-critical pass
 * still requests them from the fastest peers and again when they stall): sequential download brings them right
 * after the few top-priority ones. A reader's piece and the tail still come in random order among themselves.
 */
final class SequentialDeadlines {

    private SequentialDeadlines() {
    }

    /**
     * @param file the pieces of the file
     * @param deadlines the file's deadlines
     * @param readerPieces the pieces the file's readers are at
     * @param present whether a piece is downloaded
     * @return the deadline pieces that go below top priority
     */
    static Set<Integer> inSequence(PieceSpan file, List<PieceDeadline> deadlines, Collection<Integer> readerPieces,
            IntPredicate present) {
        Set<Integer> due = new HashSet<>();
        deadlines.forEach(deadline -> due.add(deadline.piece()));
        Set<Integer> inSequence = new HashSet<>();
        for (int piece = file.first(); piece <= file.last() && (due.contains(piece) || present.test(piece));
                piece++) {
            if (due.contains(piece) && !readerPieces.contains(piece)) {
                inSequence.add(piece);
            }
        }
        return inSequence;
    }
}
