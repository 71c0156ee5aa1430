package app.marquee.playback.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.marquee.catalog.SourceMedia;
import app.marquee.platform.ApiException;
import app.marquee.sources.SourcesApi;
import app.marquee.streaming.StreamingApi;
import app.marquee.streaming.StreamingKeyIssued;
import app.marquee.streaming.StreamingProperties;

/**
 * Probes the video of a streaming key with ffprobe, reading it through the key's own stream URL: ffprobe reads
 * the header (and an MP4's {@code moov}, wherever it is) and each read waits for its pieces, so the probe is
 * done as soon as those pieces are in. One probe per source: the result is stored and reused; concurrent asks
 * share one ffprobe.
 */
@Component
class MediaProbe {

    private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);
    private static final java.util.concurrent.Executor VIRTUAL = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final MediaTools tools;
    private final MediaProcesses processes;
    private final LoopbackStreams streams;
    private final SourceMediaStore store;
    private final SourcesApi sources;
    private final Duration timeout;
    private final ConcurrentHashMap<Long, CompletableFuture<SourceMedia>> running = new ConcurrentHashMap<>();

    MediaProbe(MediaTools tools, MediaProcesses processes, LoopbackStreams streams, SourceMediaStore store,
            SourcesApi sources, StreamingProperties streaming) {
        this.sources = sources;
        this.tools = tools;
        this.processes = processes;
        this.streams = streams;
        this.store = store;
        // the header and the moov may each wait a read-timeout for their pieces
        this.timeout = streaming.readTimeout().multipliedBy(3).plusSeconds(10);
    }

    /**
     * The media of the key's source: stored, or probed now (waiting for its pieces).
     *
     * @return empty when ffprobe is not installed
     * @throws ApiException 504 when the header does not come in time, 502 when ffprobe cannot read the file
     */
    Optional<SourceMedia> media(String key, StreamingApi.Grant grant) {
        Optional<SourceMedia> stored = store.find(grant.sourceId());
        if (stored.isPresent() || !tools.available()) {
            return stored;
        }
        CompletableFuture<SourceMedia> probe = start(key, grant);
        try {
            return Optional.of(probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "Stream loading timeout",
                    "the video's header did not arrive in " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Probe failed", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Probe interrupted");
        }
    }

    /**
     * A play request was just answered: the video is probed at once, in the background, as soon as its header
     * arrives, so the player's playback request (and the ranking of the next play) find its media known.
     */
    @EventListener
    void onKeyIssued(StreamingKeyIssued issued) {
        if (!tools.available() || store.find(issued.grant().sourceId()).isPresent()) {
            return;
        }
        start(issued.key(), issued.grant()).whenComplete((media, failure) -> {
            if (failure != null) {
                log.debug("Source {}: probe after the play request failed: {}", issued.grant().sourceId(),
                        failure.toString());
            }
        });
    }

    /** The probe of the key's source, started unless one is running (one per source at a time). */
    private CompletableFuture<SourceMedia> start(String key, StreamingApi.Grant grant) {
        CompletableFuture<SourceMedia> probe = running.computeIfAbsent(grant.sourceId(),
                id -> CompletableFuture.supplyAsync(() -> probeAndStore(key, id), VIRTUAL));
        probe.whenComplete((media, failure) -> running.remove(grant.sourceId(), probe));
        return probe;
    }

    private SourceMedia probeAndStore(String key, long sourceId) {
        List<String> command = new ArrayList<>(List.of(tools.ffprobe(), "-hide_banner", "-v", "error"));
        command.addAll(processes.markerArguments());
        command.addAll(List.of("-print_format", "json", "-show_format", "-show_streams",
                streams.streamOf(key).toString()));
        long started = System.nanoTime();
        try {
            MediaProcesses.Child child = processes.start(command, "ffprobe of source " + sourceId);
            String output;
            try (InputStream out = child.process().getInputStream()) {
                CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readAll(out),
                        VIRTUAL);
                if (!child.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    child.stop();
                    throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "Stream loading timeout");
                }
                output = new String(read.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            }
            if (child.process().exitValue() != 0) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, "Probe failed", child.stderrSummary());
            }
            SourceMedia media = FfprobeJson.parse(output);
            store.save(sourceId, fileName(sourceId, media), media);
            log.info("Probed source {} in {} ms: {} {}, {} audio, {} subtitle tracks", sourceId,
                    (System.nanoTime() - started) / 1_000_000, media.container(),
                    media.video() == null ? "no video" : media.video().codec(), media.audio().size(),
                    media.subtitles().size());
            return media;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Probe failed", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Probe interrupted");
        }
    }

    /** The video's name in its torrent (the stream's reads recorded the metadata by now). */
    private String fileName(long sourceId, SourceMedia media) {
        return sources.source(sourceId)
                .flatMap(source -> source.validatedMetadata().map(metadata -> source.videoFileIndex() != null
                        ? metadata.file(source.videoFileIndex()) : metadata.largestFile()))
                .map(file -> String.join("/", file.path()))
                .orElse("(" + media.container() + ")");
    }

    private static byte[] readAll(InputStream in) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
