package app.marquee.torrent.libtorrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import app.marquee.torrent.PieceDeadline;
import app.marquee.torrent.PieceSpan;

class ReadAheadPrioritizerTest {

    private static final int MIB = 1024 * 1024;

    private final ReadAheadPrioritizer prioritizer = new ReadAheadPrioritizer();

    @Test
    void theReadersPieceIsDueNowTheNextOnesStepByStepAndTheLastPieceSoonAfter() {
        Map<Integer, Integer> due = deadlines(new PieceSpan(0, 99), MIB, List.of(80));

        assertThat(due).containsEntry(80, 0).containsEntry(81, 100).containsEntry(87, 700)
                .doesNotContainKey(88).doesNotContainKey(79);
        assertThat(due).containsEntry(99, 100); // the MP4 index at the end (1 MiB)
        assertThat(due).hasSize(9);
    }

    @Test
    void smallPiecesGetAWiderWindowInPiecesButNeverPastTheFile() {
        Map<Integer, Integer> due = deadlines(new PieceSpan(10, 300), 64 * 1024, List.of(200));

        // 8 MiB ahead of the reader is 128 pieces of 64 KiB, capped at 64; the last 1 MiB is 16 pieces
        assertThat(due).containsEntry(200, 0).containsEntry(263, 6300).doesNotContainKey(264)
                .containsEntry(300, 100).containsEntry(285, 1600).doesNotContainKey(284);
        assertThat(deadlines(new PieceSpan(10, 300), 64 * 1024, List.of(295)).keySet())
                .allMatch(piece -> piece >= 285 && piece <= 300);
    }

    @Test
    void twoReadersShareDeadlinesAndTheEarlierOneWins() {
        Map<Integer, Integer> due = deadlines(new PieceSpan(0, 99), MIB, List.of(10, 12));

        assertThat(due).containsEntry(12, 0).containsEntry(11, 100).containsEntry(10, 0).containsEntry(19, 700);
    }

    @Test
    void noReaderNoDeadlines() {
        assertThat(prioritizer.deadlines(new PieceSpan(0, 99), MIB, List.of())).isEmpty();
        assertThat(prioritizer.deadlines(new PieceSpan(5, 4), MIB, List.of(5))).isEmpty();
    }

    private Map<Integer, Integer> deadlines(PieceSpan file, int pieceLength, List<Integer> readers) {
        return prioritizer.deadlines(file, pieceLength, readers).stream()
                .collect(Collectors.toMap(PieceDeadline::piece, PieceDeadline::millis));
    }
}
