package app.marquee.torrent.libtorrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.torrent.InfoHash;

/**
 * libtorrent fast-resume data, one file per torrent: {@code <directory>/<info-hash>.resume}. A file holds the
 * bencoded resume data with the info dictionary, so a torrent can be re-added from it alone. Writes are atomic
 * (temporary file, then rename), so a crash leaves the previous version. Thread-safe.
 */
final class ResumeDataStore {

    private static final String SUFFIX = ".resume";
    private static final Logger log = LoggerFactory.getLogger(ResumeDataStore.class);

    private final Path directory;

    ResumeDataStore(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    void write(InfoHash infoHash, byte[] data) {
        Path target = directory.resolve(infoHash.hex() + SUFFIX);
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(infoHash.hex() + SUFFIX + ".tmp");
            Files.write(temporary, data);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write resume data " + target, e);
        }
    }

    void delete(InfoHash infoHash) {
        try {
            Files.deleteIfExists(directory.resolve(infoHash.hex() + SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete resume data of " + infoHash, e);
        }
    }

    boolean isEmpty() {
        return readAll().isEmpty();
    }

    /** Every stored entry; files whose name is not an info-hash are skipped with a warning. */
    Map<InfoHash, byte[]> readAll() {
        Map<InfoHash, byte[]> entries = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    entries.put(InfoHash.of(name.substring(0, name.length() - SUFFIX.length())),
                            Files.readAllBytes(file));
                } catch (IllegalArgumentException e) {
                    log.warn("ignoring {}: its name is not an info-hash", file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resume data in " + directory, e);
        }
        return entries;
    }

    /** Moves an entry libtorrent refused out of the way ({@code .rejected}), keeping it for inspection. */
    void reject(InfoHash infoHash) {
        Path file = directory.resolve(infoHash.hex() + SUFFIX);
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".rejected"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("cannot move aside rejected resume data {}: {}", file, e.getMessage());
        }
    }
}
