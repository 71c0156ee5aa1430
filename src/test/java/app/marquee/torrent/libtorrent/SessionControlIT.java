package app.marquee.torrent.libtorrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.support.swarm.Swarm;
import app.marquee.support.swarm.SwarmExtension;
import app.marquee.torrent.ActiveTorrent;
import app.marquee.torrent.InterfaceBinding;
import app.marquee.torrent.TorrentEvent;
import app.marquee.torrent.TorrentMetadata;
import app.marquee.torrent.TorrentStatus;

/** The kill-switch controls on loopback: pausing the session, and binding to an interface that is not there. */
class SessionControlIT {

    private static final Logger log = LoggerFactory.getLogger(SessionControlIT.class);

    @RegisterExtension
    static final SwarmExtension swarm = new SwarmExtension(8_000_000, "paused.mp4", 128 * 1024, null);

    @TempDir
    Path dataDir;

    @Test
    void noPieceArrivesWhileTheSessionIsPausedAndResumingFinishesTheDownload() throws Exception {
        Queue<TorrentEvent> events = new ConcurrentLinkedQueue<>();
        try (TorrentSession engine = TestEngines.engine(dataDir, TestEngines.loopback(false, "127.0.0.1"), events)) {
            TorrentMetadata metadata = TorrentMetadata.parse(swarm.seeded().torrentFile());
            ActiveTorrent torrent = TestEngines.throttled(engine.add(metadata, List.of(), dataDir.resolve("downloads")),
                    2 * 1024 * 1024);
            awaitFirstPiece(events);

            engine.pause();
            assertThat(engine.isPaused()).isTrue();
            Thread.sleep(300); // blocks already in flight may still land
            int piecesAtPause = torrent.status().piecesDone();
            Thread.sleep(1500);
            TorrentStatus paused = torrent.status();
            assertThat(paused.piecesDone()).isEqualTo(piecesAtPause).isLessThan(metadata.pieceCount());
            assertThat(paused.state()).isEqualTo(TorrentStatus.State.PAUSED);
            assertThat(paused.peers()).isZero();

            long resumed = System.nanoTime();
            TestEngines.throttled(torrent, 0);
            engine.resume();
            assertThat(engine.isPaused()).isFalse();
            torrent.whenReadable(0, 0, swarm.seeded().size()).get(30, TimeUnit.SECONDS);
            log.info("MEASURED resume after pause: {} of {} pieces were done, the rest took {} ms", piecesAtPause,
                    metadata.pieceCount(), (System.nanoTime() - resumed) / 1_000_000);
            assertThat(Swarm.sha256(torrent.filePath(0))).isEqualTo(swarm.seeded().sha256());
        }
    }

    @Test
    void boundToAMissingInterfaceNothingConnectsAndRebindingAtRunTimeRecovers() throws Exception {
        TorrentMetadata metadata = TorrentMetadata.parse(swarm.seeded().torrentFile());
        try (TorrentSession engine = TestEngines.engine(dataDir, TestEngines.loopback(false, "mq-missing0"),
                new ConcurrentLinkedQueue<>())) {
            int leechersBefore = leechers(metadata);
            ActiveTorrent torrent = engine.add(metadata, List.of(), dataDir.resolve("downloads"));
            Thread.sleep(3000);
            TorrentStatus status = torrent.status();
            assertThat(status.peers()).isZero();
            assertThat(status.piecesDone()).isZero();
            assertThat(leechers(metadata)).as("the tracker never heard of us").isEqualTo(leechersBefore);
            assertThat(engine.listenPort()).isEmpty();

            long rebound = System.nanoTime();
            engine.bind(InterfaceBinding.to("127.0.0.1"));
            torrent.whenReadable(0, 0, 1).get(30, TimeUnit.SECONDS);
            log.info("MEASURED rebinding from a missing interface to 127.0.0.1: first piece {} ms later",
                    (System.nanoTime() - rebound) / 1_000_000);
            torrent.whenReadable(0, 0, swarm.seeded().size()).get(30, TimeUnit.SECONDS);
            assertThat(Swarm.sha256(torrent.filePath(0))).isEqualTo(swarm.seeded().sha256());
        }
    }

    private static void awaitFirstPiece(Queue<TorrentEvent> events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (events.stream().noneMatch(event -> event instanceof TorrentEvent.PieceFinished)) {
            assertThat(System.nanoTime()).as("a first piece within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Leechers the tracker knows (opentracker's "incomplete"), by scrape. */
    private static int leechers(TorrentMetadata metadata) {
        return swarm.swarm().tracker().leechers(metadata.infoHash().hex());
    }
}
