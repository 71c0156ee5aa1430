package app.marquee.torrent.libtorrent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.libtorrent4j.LibTorrent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.torrent.TorrentEngineException;

/**
 * Makes libtorrent4j's native library loadable without JVM flags: copies {@code /lib/x86_64/libtorrent4j.so}
 * from the classpath (the {@code libtorrent4j-linux} jar) into {@code <data-dir>/native/}, rewriting it only
 * when its content differs, and points {@code libtorrent4j.jni.path} at it before the first libtorrent4j class
 * initialises (its JNI class reads that property in its static initialiser; a plain {@code System.load} by us
 * would not stop it from calling {@code loadLibrary} and failing, notes/engine.md §1).
 *
 * <p>The library loads once per JVM; later calls only return the version. Needs glibc 2.27+ (no musl).
 */
final class NativeLibraryLoader {

    static final String RESOURCE = "/lib/x86_64/libtorrent4j.so";
    static final String EXPECTED_VERSION_PREFIX = "2.0.6";
    private static final String PROPERTY = "libtorrent4j.jni.path";
    private static final Logger log = LoggerFactory.getLogger(NativeLibraryLoader.class);

    private static volatile String version;

    private NativeLibraryLoader() {
    }

    /**
     * Loads the library (once) and returns libtorrent's version.
     *
     * @param directory where to keep the extracted library
     * @throws TorrentEngineException when the platform has no library in the jar, or it does not load
     */
    static synchronized String load(Path directory) {
        if (version != null) {
            return version;
        }
        if (!"amd64".equals(System.getProperty("os.arch")) || !System.getProperty("os.name").startsWith("Linux")) {
            throw new TorrentEngineException("the BitTorrent engine has a native library for Linux x86_64 only, not "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
        long start = System.nanoTime();
        Path library = extract(directory);
        System.setProperty(PROPERTY, library.toString());
        try {
            version = LibTorrent.version();
        } catch (LinkageError e) {
            throw new TorrentEngineException("cannot load the libtorrent native library " + library
                    + " (it needs glibc 2.27 or newer): " + e.getMessage(), e);
        }
        if (!version.startsWith(EXPECTED_VERSION_PREFIX)) {
            throw new TorrentEngineException("libtorrent " + version + " loaded, expected " + EXPECTED_VERSION_PREFIX);
        }
        log.info("libtorrent {} loaded from {} in {} ms", version, library, (System.nanoTime() - start) / 1_000_000);
        return version;
    }

    private static Path extract(Path directory) {
        byte[] content;
        try (InputStream in = NativeLibraryLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new TorrentEngineException("no " + RESOURCE + " on the classpath: is the libtorrent4j-linux jar"
                        + " missing?");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Path target = directory.resolve("libtorrent4j.so");
        try {
            Files.createDirectories(directory);
            if (Files.isRegularFile(target) && Files.size(target) == content.length
                    && Arrays.equals(sha256(Files.readAllBytes(target)), sha256(content))) {
                return target;
            }
            Path temporary = Files.createTempFile(directory, "libtorrent4j", ".so.tmp");
            Files.write(temporary, content);
            // a rename replaces the file atomically, so a JVM that has the old one mapped keeps it intact
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("extracted {} to {}", RESOURCE, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the libtorrent native library to " + target, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
