package app.marquee.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import app.marquee.support.swarm.SwarmTools;

/**
 * Small videos made by ffmpeg as torrents commonly carry them, kept under {@code target/swarm-cache/} for the rest
 * of the run. Low resolution and short, so the shared CPU makes them in a second or two.
 */
public final class PlaybackVideos {

    static final double MKV_SECONDS = 30;
    static final double LONG_MKV_SECONDS = 60;
    /** The subtitle cues of the MKV: start and end in milliseconds, text. */
    static final List<Cue> CUES = List.of(new Cue(1_000, 3_500, "Hello from the first cue"),
            new Cue(10_250, 12_000, "A second line, later"), new Cue(21_000, 23_000, "The end is near"));

    record Cue(long startMillis, long endMillis, String text) {
    }

    private PlaybackVideos() {
    }

    /**
     * Matroska, 30 s, 320x180: H.264 (a key frame every 2 s), AC3 5.1 in English (default), AAC stereo in
     * French, and an English SubRip track.
     */
    public static Path matroskaWithTwoLanguagesAndSubtitles() {
        return cached("playback-h264-ac3-aac-srt.mkv", (directory, output) -> {
            Path srt = directory.resolve("cues.srt");
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < CUES.size(); i++) {
                text.append(i + 1).append('\n').append(srtTime(CUES.get(i).startMillis())).append(" --> ")
                        .append(srtTime(CUES.get(i).endMillis())).append('\n').append(CUES.get(i).text()).append("\n\n");
            }
            Files.writeString(srt, text);
            return List.of("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                    "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000", "-i", srt.toString(),
                    "-t", Double.toString(MKV_SECONDS), "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:s",
                    "-vf", "noise=alls=30:allf=t", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "900k",
                    "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-pix_fmt", "yuv420p",
                    "-c:a:0", "ac3", "-ac:a:0", "6", "-b:a:0", "384k", "-c:a:1", "aac", "-ac:a:1", "2", "-b:a:1", "128k",
                    "-c:s", "srt", "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "language=fre",
                    "-metadata:s:s:0", "language=eng", "-disposition:a:0", "default", "-disposition:a:1", "0",
                    "-f", "matroska", output.toString());
        });
    }

    /** As {@link #matroskaWithTwoLanguagesAndSubtitles()} without subtitles, {@link #LONG_MKV_SECONDS} long. */
    static Path longMatroska() {
        return cached("playback-h264-ac3-aac-long.mkv", (directory, output) -> List.of(
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000",
                "-t", Double.toString(LONG_MKV_SECONDS), "-map", "0:v", "-map", "1:a", "-map", "2:a",
                "-vf", "noise=alls=30:allf=t", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "900k",
                "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-pix_fmt", "yuv420p",
                "-c:a:0", "ac3", "-ac:a:0", "6", "-b:a:0", "384k", "-c:a:1", "aac", "-ac:a:1", "2", "-b:a:1", "128k",
                "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "language=fre", "-disposition:a:0", "default",
                "-disposition:a:1", "0", "-f", "matroska", output.toString()));
    }

    /** MP4 (fast start), 10 s, 320x180: 8-bit HEVC tagged hvc1, AAC stereo. */
    static Path hevcMp4() {
        return cached("playback-hevc-aac.mp4", (directory, output) -> List.of(
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "10", "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error:keyint=50",
                "-tag:v", "hvc1", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2", "-movflags", "+faststart",
                "-f", "mp4", output.toString()));
    }

    private interface Recipe {
        List<String> arguments(Path directory, Path output) throws IOException;
    }

    private static Path cached(String name, Recipe recipe) {
        SwarmTools.require(SwarmTools.FFMPEG);
        Path cache = Path.of(System.getProperty("basedir", ".")).resolve("target/swarm-cache").toAbsolutePath();
        Path video = cache.resolve(name);
        if (Files.isRegularFile(video)) {
            return video;
        }
        try {
            Files.createDirectories(cache);
            Path directory = Files.createTempDirectory(cache, "making");
            Path partial = directory.resolve(name);
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
            command.addAll(recipe.arguments(directory, partial));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not make " + name + ": " + output);
            }
            Files.move(partial, video, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return video;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String srtTime(long millis) {
        return String.format("%02d:%02d:%02d,%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }
}
