package app.marquee.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * The directory under which Marquee keeps everything it writes ({@code marquee.data-dir}).
 *
 * <p>It is created at start-up when missing. A data directory that cannot be created or written stops
 * start-up with a message naming the setting, rather than failing later on the first write.
 */
@Component
public final class DataDirectory {

    private final Path root;

    public DataDirectory(MarqueeProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "marquee.data-dir: cannot create the data directory " + root + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(root)) {
            throw new IllegalStateException("marquee.data-dir: the data directory " + root + " is not writable");
        }
    }

    /** The absolute, normalised data directory. */
    public Path root() {
        return root;
    }

    /** A path inside the data directory. */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** A sub-directory of the data directory, created if missing. */
    public Path directory(String relative) {
        Path dir = resolve(relative);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
