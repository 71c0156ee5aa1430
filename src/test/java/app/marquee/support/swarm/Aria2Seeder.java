package app.marquee.support.swarm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real aria2c seeding one torrent from 127.0.0.1 or another {@link SwarmHost}: it checks the existing file's
 * pieces first ({@code --check-integrity}), then seeds with no ratio or time limit. DHT, peer exchange and local
 * peer discovery are off, so its only peer source is the swarm's tracker.
 */
public final class Aria2Seeder implements AutoCloseable {

    private final ExternalProcess process;
    private final int port;

    private Aria2Seeder(ExternalProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param torrentFile the .torrent
     * @param dataDirectory the directory holding the torrent's content
     * @param uploadLimit aria2's byte rate, e.g. {@code 2M}; null for none
     */
    public static Aria2Seeder start(Path torrentFile, Path dataDirectory, String uploadLimit) {
        return start(torrentFile, dataDirectory, uploadLimit, SwarmHost.LOOPBACK);
    }

    /**
     * As {@link #start(Path, Path, String)}, run on {@code host} and announcing its address to the tracker.
     */
    public static Aria2Seeder start(Path torrentFile, Path dataDirectory, String uploadLimit, SwarmHost host) {
        SwarmTools.require(SwarmTools.ARIA2C);
        int port = FreePorts.tcpAndUdp();
        List<String> command = new ArrayList<>(List.of("aria2c", "--no-conf", "--quiet=false",
                "--console-log-level=warn", "--summary-interval=0", "--dir=" + dataDirectory,
                "--check-integrity=true", "--seed-ratio=0.0", "--bt-seed-unverified=false",
                "--listen-port=" + port, "--enable-dht=false", "--enable-dht6=false",
                "--enable-peer-exchange=false", "--bt-enable-lpd=false", "--disable-ipv6=true",
                "--bt-tracker-connect-timeout=3", "--bt-tracker-timeout=3", "--bt-stop-timeout=0",
                "--bt-max-peers=0", "--file-allocation=none", "--auto-file-renaming=false",
                "--allow-overwrite=false", "--bt-external-ip=" + host.address()));
        if (uploadLimit != null) {
            command.add("--max-overall-upload-limit=" + uploadLimit);
        }
        command.add(torrentFile.toString());
        return new Aria2Seeder(ExternalProcess.start("aria2c-" + port, dataDirectory, host.command(command)), port);
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
