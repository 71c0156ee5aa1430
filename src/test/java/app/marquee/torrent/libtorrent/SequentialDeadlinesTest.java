package app.marquee.torrent.libtorrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

import app.marquee.torrent.PieceDeadline;
import app.marquee.torrent.PieceSpan;

class SequentialDeadlinesTest {

    private static final int MIB = 1024 * 1024;

    private final ReadAheadPrioritizer prioritizer = new ReadAheadPrioritizer();

    @Test
    void aWindowAtTheStartFollowsInSequenceAndItsReaderPieceAndTheTailKeepTopPriority() {
        PieceSpan file = new PieceSpan(0, 99);

        Set<Integer> inSequence = inSequence(file, List.of(0), piece -> false);

        // the window is pieces 0..7 (8 MiB), the tail piece 99
        assertThat(inSequence).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aWindowBehindMissingPiecesKeepsTopPriorityUnlessTheyArePresent() {
        PieceSpan file = new PieceSpan(0, 99);

        assertThat(inSequence(file, List.of(40), piece -> false)).isEmpty();
        assertThat(inSequence(file, List.of(40), piece -> piece < 40)).containsExactlyInAnyOrder(41, 42, 43, 44,
                45, 46, 47);
        // a single missing piece before the window is enough for the sequential picker to go there first
        assertThat(inSequence(file, List.of(40), piece -> piece < 40 && piece != 12)).isEmpty();
    }

    @Test
    void aSecondReaderBehindAGapKeepsTopPriorityForItsWindow() {
        PieceSpan file = new PieceSpan(10, 109);

        Set<Integer> inSequence = inSequence(file, List.of(10, 60), piece -> false);

        assertThat(inSequence).containsExactlyInAnyOrder(11, 12, 13, 14, 15, 16, 17);
    }

    @Test
    void aWindowThatReachesTheTailTakesItInSequence() {
        PieceSpan file = new PieceSpan(0, 9);

        Set<Integer> inSequence = inSequence(file, List.of(4), piece -> piece < 4);

        assertThat(inSequence).containsExactlyInAnyOrder(5, 6, 7, 8, 9);
    }

    private Set<Integer> inSequence(PieceSpan file, List<Integer> readers, IntPredicate present) {
        List<PieceDeadline> deadlines = prioritizer.deadlines(file, MIB, readers);
        return SequentialDeadlines.inSequence(file, deadlines, readers, present);
    }
}
