package app.marquee.support.swarm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A BitTorrent swarm that lives only on 127.0.0.1 (or on one other {@link SwarmHost}): a real opentracker and
 * real aria2c seeders of torrents made by mktorrent. Nothing in it reaches another address. Close it
 * (try-with-resources) to end every process, even when the test fails.
 *
 * <pre>{@code
 * try (Swarm swarm = Swarm.start(tempDir)) {
 *     SeededTorrent seeded = swarm.seed(TestVideo.ofAbout(8_000_000), "movie.mp4", 256 * 1024, null);
 *     ... add seeded.torrentFile() or seeded.magnet() to the engine ...
 * }
 * }</pre>
 */
public final class Swarm implements AutoCloseable {

    private final Path directory;
    private final SwarmHost host;
    private final OpenTracker tracker;
    private final List<AutoCloseable> processes = new ArrayList<>();

    private Swarm(Path directory, SwarmHost host, OpenTracker tracker) {
        this.directory = directory;
        this.host = host;
        this.tracker = tracker;
    }

    /** Starts the tracker; everything the swarm writes goes under {@code directory}. */
    public static Swarm start(Path directory) {
        return start(directory, SwarmHost.LOOPBACK);
    }

    /** Starts the tracker on {@code host}; its seeders run there too. */
    public static Swarm start(Path directory, SwarmHost host) {
        SwarmTools.require();
        return new Swarm(directory, host, OpenTracker.start(directory.resolve("tracker"), host));
    }

    public OpenTracker tracker() {
        return tracker;
    }

    /**
     * Makes a torrent of a copy of {@code content} (announcing to the tracker over UDP and HTTP), allows it on
     * the tracker, starts an aria2c seeder and waits until the tracker lists it.
     *
     * @param pieceLength a power of two from 32 KiB
     * @param uploadLimit the seeder's upload rate (aria2 syntax, {@code 4M}), null for unlimited
     */
    public SeededTorrent seed(Path content, String fileName, int pieceLength, String uploadLimit) {
        Path seedDirectory = directory.resolve("seed-" + processes.size());
        Path file = TestVideo.copy(content, seedDirectory, fileName);
        Path torrent = directory.resolve(fileName + "-" + processes.size() + ".torrent");
        ExternalProcess.run(directory, List.of("mktorrent", "--no-date", "-l",
                Integer.toString(Integer.numberOfTrailingZeros(pieceLength)),
                "-a", tracker.udpAnnounceUrl() + "," + tracker.httpAnnounceUrl(),
                "-o", torrent.toString(), file.toString()));
        return start(file, seedDirectory, torrent, fileName, uploadLimit, sha256(file));
    }

    /** Allows the torrent on the tracker, starts its aria2c seeder and waits until the tracker lists it. */
    private SeededTorrent start(Path file, Path seedDirectory, Path torrent, String name, String uploadLimit,
            String sha256) {
        byte[] torrentBytes = read(torrent);
        String infoHash = InfoDictionary.sha1Hex(torrentBytes);
        tracker.allow(infoHash);
        Aria2Seeder seeder = startSeeder(torrent, seedDirectory, uploadLimit, infoHash);
        String magnet = "magnet:?xt=urn:btih:" + infoHash + "&dn=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&tr=" + URLEncoder.encode(tracker.httpAnnounceUrl(), StandardCharsets.UTF_8)
                + "&tr=" + URLEncoder.encode(tracker.udpAnnounceUrl(), StandardCharsets.UTF_8);
        return new SeededTorrent(file, torrentBytes, infoHash, magnet, sha256, seeder);
    }

    /**
     * As {@link #seed} for a torrent of several files (a season pack): a directory {@code name} holding copies of
     * {@code files} under their keys. The seeded torrent's {@code file} is the directory and {@code sha256} empty.
     */
    public SeededTorrent seedFiles(String name, Map<String, Path> files, int pieceLength) {
        Path seedDirectory = directory.resolve("seed-" + processes.size());
        Path content = seedDirectory.resolve(name);
        files.forEach((fileName, source) -> TestVideo.copy(source, content, fileName));
        Path torrent = directory.resolve(name + "-" + processes.size() + ".torrent");
        ExternalProcess.run(directory, List.of("mktorrent", "--no-date", "-l",
                Integer.toString(Integer.numberOfTrailingZeros(pieceLength)),
                "-a", tracker.udpAnnounceUrl() + "," + tracker.httpAnnounceUrl(),
                "-o", torrent.toString(), content.toString()));
        return start(content, seedDirectory, torrent, name, null, "");
    }

    /**
     * Starts aria2c and waits until the tracker lists it. The free port it is given may be taken by another
     * process before aria2c binds it (other test JVMs, the server's own sockets): then it is started again on
     * another port, a few times.
     */
    private Aria2Seeder startSeeder(Path torrent, Path seedDirectory, String uploadLimit, String infoHash) {
        for (int attempt = 1; ; attempt++) {
            Aria2Seeder seeder = Aria2Seeder.start(torrent, seedDirectory, uploadLimit, host);
            try {
                tracker.awaitSeeder(infoHash, Duration.ofSeconds(30), seeder::isAlive);
                processes.add(seeder);
                return seeder;
            } catch (IllegalStateException e) {
                seeder.close();
                boolean portTaken = seeder.output().contains("Failed to bind");
                if (!portTaken || attempt == 3) {
                    throw new IllegalStateException(e.getMessage() + "; aria2c output: " + seeder.output(), e);
                }
            }
        }
    }

    /** A torrent of the swarm: the seeded file, its .torrent and magnet, and the file's SHA-256. */
    public record SeededTorrent(Path file, byte[] torrentFile, String infoHash, String magnet, String sha256,
            Aria2Seeder seeder) {

        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static String sha256(Path file) {
        try {
            return sha256(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file, e);
        }
    }

    /** The SHA-256 (hex) of everything the stream gives, which it reads to its end and closes. */
    public static String sha256(InputStream stream) {
        try (stream) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = stream.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash a stream", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable process : processes.reversed()) {
            try {
                process.close();
            } catch (Exception e) {
                // boundary: keep ending the others
            }
        }
        tracker.close();
    }
}
