package app.marquee.support.swarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import app.marquee.support.swarm.Swarm.SeededTorrent;

/**
 * One loopback {@link Swarm} seeding one test video for all tests of a class, ended after them:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SwarmExtension swarm = new SwarmExtension(16_000_000, "movie.mp4", 256 * 1024, "4M");
 * ... swarm.seeded().magnet() ...
 * }</pre>
 */
public final class SwarmExtension implements BeforeAllCallback, AfterAllCallback {

    private final long videoBytes;
    private final String fileName;
    private final int pieceLength;
    private final @Nullable String uploadLimit;
    private @Nullable Path directory;
    private @Nullable Swarm swarm;
    private @Nullable SeededTorrent seeded;

    /**
     * @param videoBytes about how big the video is (see {@link TestVideo#ofAbout})
     * @param uploadLimit the seeder's upload rate (aria2 syntax), null for none
     */
    public SwarmExtension(long videoBytes, String fileName, int pieceLength, @Nullable String uploadLimit) {
        this.videoBytes = videoBytes;
        this.fileName = fileName;
        this.pieceLength = pieceLength;
        this.uploadLimit = uploadLimit;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("swarm");
        swarm = Swarm.start(directory);
        seeded = swarm.seed(TestVideo.ofAbout(videoBytes), fileName, pieceLength, uploadLimit);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (swarm != null) {
            swarm.close();
        }
        if (directory != null) {
            delete(directory);
        }
    }

    public Swarm swarm() {
        if (swarm == null) {
            throw new IllegalStateException("the swarm starts before the class's tests");
        }
        return swarm;
    }

    public SeededTorrent seeded() {
        if (seeded == null) {
            throw new IllegalStateException("the swarm starts before the class's tests");
        }
        return seeded;
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
