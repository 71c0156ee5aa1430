package app.marquee.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Directory trees the server made for itself (downloads, scratch space, HLS segments). */
public final class FileTrees {

    private static final Logger log = LoggerFactory.getLogger(FileTrees.class);

    private FileTrees() {
    }

    /**
     * Deletes a directory tree, deepest first. What cannot be deleted is logged and left: the caller is done
     * with it either way, and a file a reader still holds open goes with the next clean-up.
     */
    public static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("Cannot delete {}: {}", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", directory, e.getMessage());
        }
    }
}
