package app.marquee.streaming.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File operations on downloads. */
final class DownloadFiles {

    private static final Logger log = LoggerFactory.getLogger(DownloadFiles.class);

    private DownloadFiles() {
    }

    /** Deletes a directory tree; what cannot be deleted is logged and left. */
    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
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
