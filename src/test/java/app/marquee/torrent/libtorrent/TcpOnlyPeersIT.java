package app.marquee.torrent.libtorrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.libtorrent4j.AlertListener;
import org.libtorrent4j.alerts.Alert;
import org.libtorrent4j.alerts.AlertType;
import org.libtorrent4j.alerts.PeerConnectAlert;
import org.libtorrent4j.swig.peer_connect_alert;
import org.libtorrent4j.swig.socket_type_t;

import app.marquee.support.swarm.SwarmExtension;
import app.marquee.torrent.ActiveTorrent;
import app.marquee.torrent.TorrentMetadata;

/**
 * With outgoing uTP on, against aria2c (TCP only): a torrent added after the session met its seeder (here in the
 * metadata fetch, as on a server whose background tasks fetched the metadata before the play) connects to it
 * over TCP at once, with no uTP attempt to time out first.
 */
class TcpOnlyPeersIT {

    @RegisterExtension
    static final SwarmExtension swarm = new SwarmExtension(4_000_000, "tcp-only.mp4", 256 * 1024, null);

    @TempDir
    Path dataDir;

    /** An outgoing connect attempt libtorrent reported: to which port, over which socket type. */
    private record Attempt(int port, boolean utp) {
    }

    @Test
    void aTorrentWhoseSeederFailedOverUtpBeforeConnectsToItOverTcpWithoutAUtpAttempt() throws Exception {
        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        try (TorrentSession engine = TestEngines.engine(dataDir, TestEngines.loopback(true, "127.0.0.1"),
                new ConcurrentLinkedQueue<>())) {
            engine.addAlertListener(outgoingConnects(attempts));
            int seeder = swarm.seeded().seeder().port();

            TorrentMetadata metadata = engine.fetchMetadata(swarm.seeded().magnet(), Duration.ofSeconds(20)).get();
            assertThat(attempts).as("the metadata fetch tried the seeder over uTP first, then TCP")
                    .contains(new Attempt(seeder, true), new Attempt(seeder, false));

            attempts.clear();
            ActiveTorrent torrent = engine.add(metadata, List.of(), dataDir.resolve("downloads"));
            torrent.openWindow(0, 0);
            torrent.whenReadable(0, 0, 1).get(20, TimeUnit.SECONDS);

            assertThat(attempts).filteredOn(attempt -> attempt.port() == seeder)
                    .as("the download's connects to the seeder").isNotEmpty()
                    .allMatch(attempt -> !attempt.utp());
        }
    }

    private static AlertListener outgoingConnects(Queue<Attempt> attempts) {
        return new AlertListener() {
            @Override
            public int[] types() {
                return new int[] {AlertType.PEER_CONNECT.swig()};
            }

            @Override
            public void alert(Alert<?> alert) {
                PeerConnectAlert connect = (PeerConnectAlert) alert;
                if (connect.swig().getDirection() == peer_connect_alert.direction_t.out) {
                    socket_type_t type = connect.socketType();
                    attempts.add(new Attempt(connect.endpoint().port(),
                            type == socket_type_t.utp || type == socket_type_t.utp_ssl));
                }
            }
        };
    }
}
