package app.marquee.torrent.libtorrent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import app.marquee.platform.DataDirectory;
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
                });
    }

    static TorrentSession engine(Path dataDir) {
        return engine(dataDir, loopback(false, "127.0.0.1"), new ConcurrentLinkedQueue<>());
    }
}
