package app.marquee.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Secrets that the operator did not give, generated once and kept in {@code <data-dir>/secrets/}.
 *
 * <p>Each secret is one file readable by its owner only (directory {@code 0700}, file {@code 0600}), so a
 * restart on the same data directory gets the same keys, and so sessions and encrypted columns survive
 * it. A file is written to a temporary name and moved into place, so a crash never leaves half a key.
 * Secret values are never logged; only the fact that one was generated is.
 *
 * <p>Thread-safe. Several nodes must not rely on this: they are given the same keys by configuration.
 */
@Component
public final class GeneratedSecrets {

    private static final Logger log = LoggerFactory.getLogger(GeneratedSecrets.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final SecureRandom random = new SecureRandom();

    public GeneratedSecrets(DataDirectory dataDirectory) {
        this.directory = dataDirectory.resolve("secrets");
    }

    /**
     * The secret stored under {@code name}, generated as {@code bytes} random bytes in base64 if there is
     * none yet.
     *
     * @param name a lower-case file name such as {@code jwt-secret}
     * @throws UncheckedIOException when the secret cannot be read or stored
     */
    public synchronized String getOrCreate(String name, int bytes) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a secret name: " + name);
        }
        Path file = directory.resolve(name);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            byte[] value = new byte[bytes];
            random.nextBytes(value);
            if (write(file, Base64.getEncoder().encodeToString(value))) {
                log.info("Generated secret '{}' in {} (owner-only); give every node the same value when running several",
                        name, directory);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secret '" + name + "' in " + directory, e);
        }
    }

    private static String read(Path file) throws IOException {
        String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (value.isEmpty()) {
            throw new IOException(file + " is empty; delete it to have a new secret generated");
        }
        return value;
    }

    /** Writes the file unless it exists; false when another process wrote it first (its value wins). */
    private boolean write(Path file, String value) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        }
        Files.setPosixFilePermissions(directory, OWNER_DIR);
        Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_FILE));
        try {
            Files.writeString(temp, value + "\n", StandardCharsets.US_ASCII);
            // a rename within one directory: the file appears whole or not at all
            Files.move(temp, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
