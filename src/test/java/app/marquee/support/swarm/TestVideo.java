package app.marquee.support.swarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Real MP4 files made by ffmpeg from its test source, with noise so x264 must spend the bit rate: the size is
 * about what was asked (±10 %). They are not fast-start: the {@code moov} index is at the end of the file, as
 * in many torrents, so a player needs the last pieces early. Made once per size and kept under
 * {@code target/swarm-cache/} for the later tests of the run.
 */
public final class TestVideo {

    private static final long BITS_PER_SECOND = 8_000_000;

    private TestVideo() {
    }

    /** An MP4 of about {@code bytes} bytes (at least one second of video). */
    public static Path ofAbout(long bytes) {
        SwarmTools.require(SwarmTools.FFMPEG);
        Path cache = Path.of(System.getProperty("basedir", ".")).resolve("target/swarm-cache").toAbsolutePath();
        Path video = cache.resolve("test-video-" + bytes + ".mp4");
        if (Files.isRegularFile(video)) {
            return video;
        }
        long seconds = Math.max(1, Math.round(bytes * 8.0 / BITS_PER_SECOND));
        String rate = Long.toString(BITS_PER_SECOND);
        try {
            Files.createDirectories(cache);
            Path partial = Files.createTempFile(cache, "video", ".mp4");
            ExternalProcess.run(cache, List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", Long.toString(seconds),
                    "-vf", "noise=alls=60:allf=t", "-c:v", "libx264", "-preset", "ultrafast",
                    "-b:v", rate, "-minrate", rate, "-maxrate", rate, "-bufsize", "2M", "-pix_fmt", "yuv420p",
                    "-an", "-f", "mp4", partial.toString()));
            Files.move(partial, video, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return video;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a test video in " + cache, e);
        }
    }

    /** A copy of the cached video under {@code directory} with that file name (seeders need their own copy). */
    public static Path copy(Path video, Path directory, String fileName) {
        try {
            Files.createDirectories(directory);
            return Files.copy(video, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + video, e);
        }
    }
}
