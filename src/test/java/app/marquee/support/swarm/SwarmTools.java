package app.marquee.support.swarm;

import java.nio.file.Files;
import java.nio.file.Path;

import app.marquee.support.Required;

/** The Debian tools the loopback swarm runs; each test calls {@link #require} first (skip on a laptop, fail in CI). */
public enum SwarmTools {
    ARIA2C("aria2c", "aria2"),
    OPENTRACKER("opentracker", "opentracker"),
    MKTORRENT("mktorrent", "mktorrent"),
    FFMPEG("ffmpeg", "ffmpeg");

    private final String command;
    private final String debianPackage;

    SwarmTools(String command, String debianPackage) {
        this.command = command;
        this.debianPackage = debianPackage;
    }

    public boolean isInstalled() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    /** Requires every tool given (all of them when none is). */
    public static void require(SwarmTools... tools) {
        for (SwarmTools tool : tools.length == 0 ? values() : tools) {
            Required.require(tool.isInstalled(), "'" + tool.command + "' (Debian package " + tool.debianPackage + ")");
        }
    }
}
