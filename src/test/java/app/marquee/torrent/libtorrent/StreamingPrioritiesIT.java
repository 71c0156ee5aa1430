package app.marquee.torrent.libtorrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.support.swarm.Swarm;
import app.marquee.support.swarm.SwarmExtension;
import app.marquee.torrent.ActiveTorrent;
import app.marquee.torrent.StreamWindow;
import app.marquee.torrent.TorrentMetadata;

/**
 * Stream windows against one seeder limited to 4 MiB/s, so the whole file takes seconds and the order in which
 * pieces arrive shows. (A limit on our side would not do: with one peer, the window's pieces would share the
 * capped rate with every other piece in flight.)
 */
class StreamingPrioritiesIT {

    private static final Logger log = LoggerFactory.getLogger(StreamingPrioritiesIT.class);

    @RegisterExtension
    static final SwarmExtension swarm = new SwarmExtension(16_000_000, "stream.mp4", 256 * 1024, "4M");

    @TempDir
    Path dataDir;

    @Test
    void aWindowAtEightyPercentArrivesLongBeforeTheWholeFileAndTheRestKeepsDownloading() throws Exception {
        try (TorrentSession engine = TestEngines.engine(dataDir)) {
            TorrentMetadata metadata = TorrentMetadata.parse(swarm.seeded().torrentFile());
            long size = swarm.seeded().size();
            long start = System.nanoTime();
            ActiveTorrent torrent = engine.add(metadata, List.of(), dataDir.resolve("downloads"));
            long at = size * 8 / 10;
            StreamWindow window = torrent.openWindow(0, at);

            torrent.whenReadable(0, at, 1024 * 1024).get(30, TimeUnit.SECONDS);
            long windowMillis = (System.nanoTime() - start) / 1_000_000;
            int piecesWhenWindowReady = torrent.status().piecesDone();

            long seekStart = System.nanoTime();
            long seekTo = size * 3 / 10;
            window.moveTo(seekTo);
            torrent.whenReadable(0, seekTo, 256 * 1024).get(30, TimeUnit.SECONDS);
            long seekMillis = (System.nanoTime() - seekStart) / 1_000_000;

            window.close();
            torrent.whenReadable(0, 0, size).get(60, TimeUnit.SECONDS);
            long wholeMillis = (System.nanoTime() - start) / 1_000_000;
            log.info("MEASURED streaming (seeder at 4 MiB/s, {} pieces): window at 80% readable after {} ms with {}"
                    + " pieces done; seek to 30% readable {} ms later; whole file {} ms",
                    metadata.pieceCount(), windowMillis, piecesWhenWindowReady, seekMillis, wholeMillis);

            assertThat(piecesWhenWindowReady).as("pieces done when the 80%% window was ready")
                    .isLessThan(metadata.pieceCount() / 2);
            assertThat(Swarm.sha256(torrent.filePath(0))).isEqualTo(swarm.seeded().sha256());
        }
    }

    /**
     * A player opening a non-fast-start MP4 reads its start, then its {@code moov} index at the end: with a window
     * at the start, sequential download alone would bring the last piece last. The pieces are counted in the order
     * they complete, on the alert thread: the seeder sends a second's worth in one burst, and a status read after
     * the last piece completes would count the pieces of that burst that came after it.
     */
    @Test
    void theLastPieceComesWithTheFirstOnesOfAWindowAtTheStart() throws Exception {
        try (TorrentSession engine = TestEngines.engine(dataDir)) {
            TorrentMetadata metadata = TorrentMetadata.parse(swarm.seeded().torrentFile());
            long size = swarm.seeded().size();
            ActiveTorrent torrent = engine.add(metadata, List.of(), dataDir.resolve("downloads"));
            int last = metadata.pieceCount() - 1;
            AtomicInteger piecesDone = new AtomicInteger();
            CompletableFuture<Integer> piecesWhenFirst = new CompletableFuture<>();
            CompletableFuture<Integer> piecesWhenLast = new CompletableFuture<>();
            for (int piece = 0; piece <= last; piece++) {
                long offset = (long) piece * metadata.pieceLength();
                CompletableFuture<Integer> watched = piece == 0 ? piecesWhenFirst
                        : piece == last ? piecesWhenLast : new CompletableFuture<>();
                torrent.whenReadable(0, offset, Math.min(metadata.pieceLength(), size - offset))
                        .thenRun(() -> watched.complete(piecesDone.incrementAndGet()));
            }
            try (StreamWindow window = torrent.openWindow(0, 0)) {
                int whenLast = piecesWhenLast.get(30, TimeUnit.SECONDS);
                int whenFirst = piecesWhenFirst.get(30, TimeUnit.SECONDS);
                log.info("MEASURED first piece readable with {}, last piece with {} of {} pieces done", whenFirst,
                        whenLast, metadata.pieceCount());
                assertThat(whenLast).as("pieces done when the last piece (moov) was readable")
                        .isLessThan(metadata.pieceCount() / 4);
                assertThat(whenFirst).as("pieces done when the window's first piece was readable")
                        .isLessThan(metadata.pieceCount() / 4);
            }
        }
    }

    @Test
    void withoutAWindowNothingIsIgnoredAndAClosedWindowStillLetsTheFileComplete() throws Exception {
        try (TorrentSession engine = TestEngines.engine(dataDir)) {
            TorrentMetadata metadata = TorrentMetadata.parse(swarm.seeded().torrentFile());
            ActiveTorrent torrent = engine.add(metadata, List.of(), dataDir.resolve("downloads"));
            torrent.selectFiles(java.util.Set.of(0));
            torrent.openWindow(0, 0).close();
            torrent.whenReadable(0, 0, swarm.seeded().size()).get(60, TimeUnit.SECONDS);
            assertThat(Swarm.sha256(torrent.filePath(0))).isEqualTo(swarm.seeded().sha256());
        }
    }
}
