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
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentEvent;
import app.marquee.torrent.TorrentMetadata;
import app.marquee.torrent.TorrentStatus;

/** A restart continues a download from its resume data instead of fetching or re-checking the pieces it had. */
class FastResumeIT {

    private static final Logger log = LoggerFactory.getLogger(FastResumeIT.class);

    @RegisterExtension
    static final SwarmExtension swarm = new SwarmExtension(8_000_000, "resumed.mp4", 128 * 1024, null);

    @TempDir
    Path dataDir;

    @Test
    void aRestartedEngineContinuesWhereTheStoppedOneWasWithoutDownloadingDonePiecesAgain() throws Exception {
        TorrentMetadata metadata = TorrentMetadata.parse(swarm.seeded().torrentFile());
        InfoHash infoHash = metadata.infoHash();
        Path downloads = dataDir.resolve("downloads");
        int piecesAtStop;
        try (TorrentSession first = TestEngines.engine(dataDir)) {
            ActiveTorrent torrent = TestEngines.throttled(first.add(metadata, List.of(), downloads), 1024 * 1024);
            torrent.openWindow(0, 0); // in order from the start: a prefix is done at the stop
            torrent.whenReadable(0, 0, 1).get(30, TimeUnit.SECONDS);
            first.pause();
            Thread.sleep(300); // blocks in flight may still complete a piece
            piecesAtStop = torrent.status().piecesDone();
        }
        assertThat(dataDir.resolve("torrents/resume/" + infoHash.hex() + ".resume")).isNotEmptyFile();
        assertThat(piecesAtStop).isBetween(1, metadata.pieceCount() - 1);

        Queue<TorrentEvent> events = new ConcurrentLinkedQueue<>();
        try (TorrentSession second = TestEngines.engine(dataDir, TestEngines.loopback(false, "127.0.0.1"), events)) {
            long start = System.nanoTime();
            second.start(); // the Spring lifecycle: resume data present, so the session starts and re-adds
            ActiveTorrent torrent = second.find(infoHash).orElseThrow();
            assertThat(torrent.metadata()).hasValueSatisfying(resumed -> {
                assertThat(resumed.infoHash()).isEqualTo(infoHash);
                assertThat(resumed.files()).isEqualTo(metadata.files());
            });
            TorrentStatus atRestart = awaitChecked(torrent);
            long checkedMillis = (System.nanoTime() - start) / 1_000_000;

            torrent.whenReadable(0, 0, swarm.seeded().size()).get(30, TimeUnit.SECONDS);
            long downloaded = torrent.status().bytesDownloaded();
            long missing = swarm.seeded().size() - atRestart.bytesDone();
            log.info("MEASURED fast resume: {} of {} pieces done at the stop, {} present {} ms after restart;"
                    + " {} bytes downloaded after it for {} missing", piecesAtStop, metadata.pieceCount(),
                    atRestart.piecesDone(), checkedMillis, downloaded, missing);

            assertThat(atRestart.piecesDone()).isEqualTo(piecesAtStop);
            // the done pieces are never fetched again (end-game mode may fetch a block twice); less than the
            // missing bytes may come, since the blocks of unfinished pieces are resumed too, and several pieces
            // are in flight at a stop (the window's first and the file's last are requested together)
            assertThat(downloaded).as("bytes downloaded after the restart")
                    .isLessThanOrEqualTo(missing + metadata.pieceLength());
            assertThat(Swarm.sha256(torrent.filePath(0))).isEqualTo(swarm.seeded().sha256());
        }
    }

    private static TorrentStatus awaitChecked(ActiveTorrent torrent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        TorrentStatus status = torrent.status();
        while (status.state() == TorrentStatus.State.CHECKING && System.nanoTime() < deadline) {
            Thread.sleep(5);
            status = torrent.status();
        }
        return status;
    }
}
