package app.marquee.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.marquee.platform.DataDirectory;
import app.marquee.platform.MarqueeProperties;
import app.marquee.playback.PlaybackProperties;
import app.marquee.support.swarm.SwarmTools;

/** ffmpeg processes are children the server owns: leftovers of a crashed run die at start, all die at shutdown. */
class MediaProcessesTest {

    @TempDir
    Path dataDir;
    private String input = "";

    private final PlaybackProperties defaults = new PlaybackProperties("ffmpeg", "ffprobe", 1, "veryfast");

    @Test
    void leftoversOfAnEarlierRunAreKilledAtStartAndChildrenAtShutdown() throws Exception {
        SwarmTools.require(SwarmTools.FFMPEG);
        DataDirectory directory = new DataDirectory(new MarqueeProperties(dataDir));
        MediaTools tools = new MediaTools(defaults);
        MediaProcesses earlierRun = new MediaProcesses(directory, tools);
        try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> holdConnections(stalled));
            input = "http://127.0.0.1:" + stalled.getLocalPort() + "/api/stream/key";
            Process leftover = endless(earlierRun.markerArguments());
            Process someoneElses = endless(List.of("-user_agent", "another server"));
            try {
                leftoverDiesAtStart(directory, tools, leftover, someoneElses);
            } finally {
                leftover.destroyForcibly();
                someoneElses.destroyForcibly();
            }
        }
    }

    private void leftoverDiesAtStart(DataDirectory directory, MediaTools tools, Process leftover, Process someoneElses)
            throws Exception {
        Thread.sleep(500); // both are running, waiting for their input
        assertThat(leftover.isAlive()).isTrue();

        MediaProcesses restarted = new MediaProcesses(directory, tools);
        assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).as("the marked leftover was killed").isTrue();
        assertThat(someoneElses.isAlive()).as("an ffmpeg that is not ours is left alone").isTrue();

        MediaProcesses.Child child = restarted.start(endlessCommand(restarted.markerArguments()), "test ffmpeg");
        assertThat(restarted.runningCount()).isEqualTo(1);
        restarted.stopAll();
        assertThat(child.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Accepts connections and never answers: an ffmpeg reading from it waits for ever. */
    private static void holdConnections(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        try {
            while (true) {
                held.add(server.accept());
            }
        } catch (java.io.IOException e) {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // closing anyway
                }
            });
        }
    }

    @Test
    void withoutTheToolsStatusSaysDirectPlayOnly() {
        MediaTools tools = new MediaTools(new PlaybackProperties("/nonexistent/ffmpeg", "/nonexistent/ffprobe", 1,
                "veryfast"));
        assertThat(tools.available()).isFalse();
        assertThat(tools.status().status().value()).isEqualTo("down");
        assertThat(tools.status().message()).contains("direct-played only");
    }

    private Process endless(List<String> marker) throws java.io.IOException {
        return new ProcessBuilder(endlessCommand(marker)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** An ffmpeg that runs until killed: it reads a stream URL that never answers. */
    private List<String> endlessCommand(List<String> marker) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error"));
        command.addAll(marker);
        command.addAll(List.of("-i", input, "-f", "null", "-"));
        return command;
    }
}
