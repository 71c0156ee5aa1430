package app.marquee.playback.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.marquee.platform.ServiceStatus;
import app.marquee.playback.PlaybackProperties;

/**
 * Whether ffmpeg and ffprobe can be run, checked once at start-up: without them Marquee direct-plays only, and
 * {@code /api/status} says so under {@code ffmpeg}.
 *
 * <p>The check runs each program once (tens to hundreds of milliseconds apiece), so it runs on a thread of its
 * own while the rest of the server starts; whoever asks first waits for it.
 */
@Component
class MediaTools implements ServiceStatus.Reporter {

    private static final Logger log = LoggerFactory.getLogger(MediaTools.class);

    private final PlaybackProperties properties;
    private final CompletableFuture<Check> checked;

    MediaTools(PlaybackProperties properties) {
        this.properties = properties;
        this.checked = CompletableFuture.supplyAsync(this::check,
                task -> Thread.ofVirtual().name("media-tools-check").start(task));
    }

    private Check check() {
        Check result = new Check(runs(properties.ffmpeg()), runs(properties.ffprobe()));
        if (!result.both()) {
            log.warn("ffmpeg ({}) or ffprobe ({}) cannot be run: videos are only direct-played",
                    properties.ffmpeg(), properties.ffprobe());
        }
        return result;
    }

    /** Which of the two programs ran. */
    private record Check(boolean ffmpeg, boolean ffprobe) {
        boolean both() {
            return ffmpeg && ffprobe;
        }
    }

    boolean available() {
        return checked.join().both();
    }

    String ffmpeg() {
        return properties.ffmpeg();
    }

    String ffprobe() {
        return properties.ffprobe();
    }

    @Override
    public String service() {
        return "ffmpeg";
    }

    @Override
    public ServiceStatus status() {
        Check result = checked.join();
        boolean ffmpeg = result.ffmpeg();
        boolean ffprobe = result.ffprobe();
        if (result.both()) {
            return ServiceStatus.running();
        }
        return new ServiceStatus(ServiceStatus.State.DOWN, null, (ffmpeg ? "" : "ffmpeg ")
                + (ffmpeg || ffprobe ? "" : "and ") + (ffprobe ? "" : "ffprobe ")
                + "cannot be run: videos are direct-played only (set marquee.playback.ffmpeg/ffprobe)");
    }

    private static boolean runs(String program) {
        try {
            Process process = new ProcessBuilder(List.of(program, "-hide_banner", "-version"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
