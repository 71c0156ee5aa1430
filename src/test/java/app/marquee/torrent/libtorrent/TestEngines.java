package app.marquee.torrent.libtorrent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import app.marquee.platform.DataDirectory;
import app.marquee.torrent.ActiveTorrent;
import app.marquee.platform.MarqueeProperties;
import app.marquee.torrent.TorrentEvent;
import app.marquee.torrent.TorrentProperties;

/** Engines for tests: loopback only, no DHT/LSD/UPnP/NAT-PMP/PEX, so nothing reaches past 127.0.0.1. */
final class TestEngines {

    private TestEngines() {
    }

    static TorrentProperties loopback(boolean utp, String bindInterface) {
        return new TorrentProperties(List.of(), List.of(), List.of(), 0, false, false, false, false, utp, 50, false,
                bindInterface, Duration.ofSeconds(30));
    }

    /** An engine on {@code dataDir}, its events collected in {@code events}. */
    static TorrentSession engine(Path dataDir, TorrentProperties properties, Queue<TorrentEvent> events) {
        return new TorrentSession(properties, new DataDirectory(new MarqueeProperties(dataDir)),
                new ReadAheadPrioritizer(), event -> {
                    if (event instanceof TorrentEvent torrentEvent) {
                        events.add(torrentEvent);
                    }
                }, Clock.systemUTC());
    }

    /**
     * Caps the torrent's download rate, so a loopback download takes seconds and tests can act in the middle of
     * it. A torrent's own limit applies to loopback peers too (the session-wide one does not: libtorrent puts
     * local networks in an unlimited peer class), and aria2c's upload limit lets the first megabytes burst.
     */
    static ActiveTorrent throttled(ActiveTorrent torrent, int bytesPerSecond) {
        ((LibtorrentTorrent) torrent).handle().setDownloadLimit(bytesPerSecond);
        return torrent;
    }

    static TorrentSession engine(Path dataDir) {
        return engine(dataDir, loopback(false, "127.0.0.1"), new ConcurrentLinkedQueue<>());
    }
}
