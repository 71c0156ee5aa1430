package app.marquee.playback.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.marquee.platform.ApiException;
import app.marquee.platform.DataDirectory;

/**
 * The ffmpeg and ffprobe processes this server runs: children it owns. Each is marked (its HTTP user agent names
 * this data directory) so that leftovers of a crashed run are recognised and killed at start-up; all are
 * destroyed at shutdown. Their stderr is read as they go and only its last lines are logged, as a summary, when
 * a process fails.
 */
@Component
class MediaProcesses {

    private static final Logger log = LoggerFactory.getLogger(MediaProcesses.class);
    private static final int STDERR_LINES_KEPT = 6;

    /** One running media tool. */
    static final class Child {

        private final Process process;
        private final String purpose;
        private final Deque<String> stderrTail = new ArrayDeque<>();

        private Child(Process process, String purpose) {
            this.process = process;
            this.purpose = purpose;
        }

        Process process() {
            return process;
        }

        boolean alive() {
            return process.isAlive();
        }

        /** The last lines the process wrote to stderr, joined. */
        synchronized String stderrSummary() {
            return String.join(" | ", stderrTail);
        }

        private synchronized void stderrLine(String line) {
            if (stderrTail.size() == STDERR_LINES_KEPT) {
                stderrTail.removeFirst();
            }
            stderrTail.addLast(line.length() > 300 ? line.substring(0, 300) + "…" : line);
        }

        /** Ends the process: politely, then forcibly after a second. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private final String marker;
    private final Path workDirectory;
    private final Set<Child> running = ConcurrentHashMap.newKeySet();

    MediaProcesses(DataDirectory dataDirectory, MediaTools tools) {
        this.workDirectory = dataDirectory.resolve("playback").toAbsolutePath().normalize();
        this.marker = "Marquee-playback " + workDirectory;
        killLeftovers(tools);
    }

    /** Where playback's scratch files (HLS segments, subtitle conversions) go. */
    Path workDirectory() {
        return workDirectory;
    }

    /** The arguments that mark a process as this server's; put them before the input URL. */
    List<String> markerArguments() {
        return List.of("-user_agent", marker);
    }

    /** Starts a media tool; its stdout stays readable, its stderr is summarised. */
    Child start(List<String> command, String purpose) throws IOException {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        Child child = new Child(process, purpose);
        running.add(child);
        Thread.ofVirtual().name("ffmpeg-stderr").start(() -> drainStderr(child));
        process.onExit().thenRun(() -> exited(child));
        return child;
    }

    /**
     * Runs a tool that writes {@code partial} and moves it to {@code target} once it succeeded, so a half-written
     * file is never served; a run that outlasts {@code timeout} is stopped.
     *
     * @param failure the error a failed run answers ({@code Subtitle conversion failed})
     * @throws ApiException 504 when it does not finish in time, 502 {@code failure} when it fails, 503 when
     *         interrupted
     */
    void runToFile(List<String> command, String purpose, Path partial, Path target, Duration timeout,
            String failure) {
        try {
            Files.createDirectories(target.getParent());
            Child child = start(command, purpose);
            if (!child.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.stop();
                throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "Stream loading timeout");
            }
            if (child.process().exitValue() != 0) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, failure, child.stderrSummary());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, failure, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Stream interrupted");
        }
    }

    int runningCount() {
        return (int) running.stream().filter(Child::alive).count();
    }

    private static void drainStderr(Child child) {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(child.process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                if (!line.isBlank()) {
                    child.stderrLine(line.strip());
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is the summary
        }
    }

    private void exited(Child child) {
        running.remove(child);
        int code = child.process.exitValue();
        // 255 and the signal codes are ours: a process stopped because its client went away
        if (code != 0 && code != 255 && code < 128) {
            log.warn("{} exited with {}: {}", child.purpose, code, child.stderrSummary());
        } else {
            log.debug("{} ended ({})", child.purpose, code);
        }
    }

    @PreDestroy
    void stopAll() {
        List<Child> children = new ArrayList<>(running);
        children.forEach(child -> child.process.destroy());
        children.forEach(Child::stop);
    }

    /**
     * A server that was killed leaves its ffmpeg children behind (they end by themselves once their input, this
     * server's stream URL, is gone, but may linger on a stalled read): kill those carrying this data directory's
     * marker.
     */
    private void killLeftovers(MediaTools tools) {
        String ffmpeg = Path.of(tools.ffmpeg()).getFileName().toString();
        String ffprobe = Path.of(tools.ffprobe()).getFileName().toString();
        ProcessHandle.allProcesses()
                .filter(handle -> handle.info().command()
                        .map(command -> Path.of(command).getFileName().toString())
                        .filter(name -> name.equals(ffmpeg) || name.equals(ffprobe)).isPresent())
                .filter(handle -> handle.info().arguments().map(List::of).orElse(List.of()).contains(marker))
                .forEach(handle -> {
                    log.info("Killing ffmpeg {} left over from an earlier run", handle.pid());
                    handle.destroyForcibly();
                });
    }
}
