package app.marquee.playback.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import app.marquee.catalog.SourceMedia;

/**
 * Embedded text subtitles (SRT, ASS/SSA, mov_text, WebVTT) converted to WebVTT by ffmpeg, once per source and
 * track, and kept under the playback directory. A subtitle track is spread over the whole file, so the first
 * conversion reads the whole video through the stream (as the download goes on).
 */
@Component
class SubtitleTracks {

    /** The whole file may have to come in first. */
    private static final Duration CONVERSION_TIMEOUT = Duration.ofMinutes(10);

    private final MediaTools tools;
    private final MediaProcesses processes;
    private final LoopbackStreams streams;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    SubtitleTracks(MediaTools tools, MediaProcesses processes, LoopbackStreams streams) {
        this.tools = tools;
        this.processes = processes;
        this.streams = streams;
    }

    Path webVtt(String key, long sourceId, SourceMedia.Subtitle subtitle) {
        String name = sourceId + "-" + subtitle.track() + ".vtt";
        Path target = processes.workDirectory().resolve("subtitles").resolve(name);
        synchronized (locks.computeIfAbsent(name, n -> new Object())) {
            if (Files.exists(target)) {
                return target;
            }
            convert(key, subtitle, target);
            return target;
        }
    }

    private void convert(String key, SourceMedia.Subtitle subtitle, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg(), "-hide_banner", "-nostdin", "-loglevel",
                "error", "-y"));
        command.addAll(processes.markerArguments());
        command.addAll(List.of("-i", streams.streamOf(key).toString(), "-map", "0:s:" + subtitle.track(),
                "-c:s", "webvtt", "-f", "webvtt", partial.toString()));
        processes.runToFile(command, "ffmpeg subtitles " + target.getFileName(), partial, target, CONVERSION_TIMEOUT,
                "Subtitle conversion failed");
    }
}
