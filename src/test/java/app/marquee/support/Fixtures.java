package app.marquee.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recorded answers of outside APIs in {@code ../shared/fixtures/recorded/} (beside the project root, in
 * development and in CI alike). Each file is {@code {"headers": ..., "data": <body>, "status"?: n}}.
 */
public final class Fixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {
    }

    /** Where the recordings are, whether or not they are there. */
    public static Path folder() {
        return Path.of("..", "shared", "fixtures", "recorded").toAbsolutePath().normalize();
    }

    /** The recorded folder; fails the test with the path it looked for when it is missing. */
    public static Path recorded() {
        Path dir = folder();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("recorded fixtures not found at " + dir);
        }
        return dir;
    }

    /** One recorded file, e.g. {@code trakt/post-oauth/device/code.json}. */
    public static JsonNode read(String relative) {
        try {
            return JSON.readTree(Files.readString(recorded().resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
