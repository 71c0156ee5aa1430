package app.marquee.playback.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.marquee.catalog.SourceMedia;
import app.marquee.platform.ApiException;
import app.marquee.platform.FileTrees;
import app.marquee.playback.PlaybackProperties;
import app.marquee.streaming.StreamingProperties;

/**
 * Makes HLS segments on demand. Each (key, variant) a client plays is a session with its own scratch directory and
 * at most one ffmpeg, which writes segments from the one first asked for onwards. A segment already made is served
 * from disk; one a little ahead of the running ffmpeg is waited for; any other (a seek) restarts ffmpeg at that
 * segment, so a seek to 70 % reads from 70 % on. A session to which no request came for {@link #IDLE} loses its
 * ffmpeg: that is how a client that went away (or paused) is noticed. A request waiting for its segment counts as
 * its client being there for {@link #WAIT_CREDIT} (a segment after a seek on a poorly seeded torrent can take
 * longer than {@link #IDLE}), but no longer: the Servlet API says nothing of a client that went away until a write
 * to it fails, so a killed client's waiting request must not keep its ffmpeg alive. The segments made stay for
 * {@link #FORGOTTEN}, so a client that comes back gets them at once. Encoding ffmpegs are bounded by
 * {@code marquee.playback.max-transcodes}.
 */
@Component
class HlsSessions {

    private static final Logger log = LoggerFactory.getLogger(HlsSessions.class);
    /**
     * No request for this long: the client has gone or paused, and its ffmpeg is stopped. A playing client asks
     * for a segment every 4 s once its buffer is full; one that asks again later just restarts ffmpeg there.
     */
    static final Duration IDLE = Duration.ofSeconds(8);
    /**
     * How long a request waiting for its segment keeps its session from going idle. With {@link #IDLE}, a segment
     * may take 16 s to come, and a client killed while waiting loses its ffmpeg within 17 s.
     */
    static final Duration WAIT_CREDIT = IDLE;
    /** No request for this long: the session's segments are deleted. */
    static final Duration FORGOTTEN = Duration.ofMinutes(5);
    /** A segment this many ahead of what the running ffmpeg has made is waited for rather than seeked to. */
    private static final int LOOKAHEAD = 3;
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String IDLE_FAILURE = "the stream went idle";

    private final MediaTools tools;
    private final MediaProcesses processes;
    private final LoopbackStreams streams;
    private final PlaybackProperties properties;
    private final Duration segmentTimeout;
    private final Clock clock;
    private final Semaphore transcodes;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    HlsSessions(MediaTools tools, MediaProcesses processes, LoopbackStreams streams, PlaybackProperties properties,
            StreamingProperties streaming, Clock clock) {
        this.tools = tools;
        this.processes = processes;
        this.streams = streams;
        this.properties = properties;
        this.segmentTimeout = streaming.readTimeout().multipliedBy(2).plusSeconds(10);
        this.clock = clock;
        this.transcodes = new Semaphore(properties.maxTranscodes());
    }

    /** One client's rendition: its directory and the ffmpeg making its segments. */
    private final class Session {

        final String id;
        final String key;
        final HlsVariant variant;
        final SourceMedia media;
        final Path directory;
        volatile Instant lastRequest;
        private MediaProcesses.@Nullable Child ffmpeg;
        private int firstSegment;
        private boolean holdsSlot;

        Session(String id, String key, HlsVariant variant, SourceMedia media, Path directory) {
            this.id = id;
            this.key = key;
            this.variant = variant;
            this.media = media;
            this.directory = directory;
            this.lastRequest = clock.instant();
        }

        Path segment(int n) {
            return directory.resolve(n + ".m4s");
        }

        /** Makes sure an ffmpeg is (or soon will be) writing segment n; a seek restarts it there. */
        synchronized void produce(int n) {
            MediaProcesses.Child running = ffmpeg;
            if (running != null && running.alive() && n >= firstSegment && n <= made() + LOOKAHEAD) {
                return;
            }
            if (running != null && !running.alive() && n >= firstSegment && n <= made()) {
                return; // the last run ended after making it
            }
            stopFfmpeg();
            if (variant.mode().encodes()) {
                if (!transcodes.tryAcquire()) {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Transcoding capacity reached",
                            "marquee.playback.max-transcodes transcodes are running; try again later");
                }
                holdsSlot = true;
            }
            try {
                Files.createDirectories(directory);
                MediaProcesses.Child child = processes.start(variant.command(tools.ffmpeg(),
                        processes.markerArguments(), streams.streamOf(key).toString(), directory, n, media,
                        properties), "ffmpeg " + variant.mode().value + " of session " + id + " from segment " + n);
                ffmpeg = child;
                firstSegment = n;
                if (holdsSlot) {
                    child.process().onExit().thenRun(this::releaseSlot);
                }
                log.debug("Session {}: ffmpeg {} makes segments from {}", id, child.process().pid(), n);
            } catch (IOException e) {
                releaseSlot();
                throw new ApiException(HttpStatus.BAD_GATEWAY, "Transcoder failed to start", e.getMessage());
            }
        }

        /** The last segment the current run has finished (ffmpeg renames each when complete). */
        private int made() {
            int n = firstSegment;
            while (Files.exists(segment(n))) {
                n++;
            }
            return n - 1;
        }

        /** Why the file awaited will not come (its ffmpeg stopped or failed); null while it may. */
        synchronized @Nullable String failure(Path awaited) {
            MediaProcesses.Child running = ffmpeg;
            if (running == null && !Files.exists(awaited)) {
                return IDLE_FAILURE;
            }
            if (running != null && !running.alive() && !Files.exists(awaited)) {
                return running.process().exitValue() == 0 ? awaited.getFileName() + " is past the end of the video"
                        : running.stderrSummary();
            }
            return null;
        }

        /** Starts ffmpeg at segment n unless one is running. */
        synchronized void produceIfIdle(int n) {
            if (!ffmpegAlive()) {
                produce(n);
            }
        }

        /** The init segment the current run writes. */
        synchronized Path runInit() {
            return directory.resolve("init-" + firstSegment + ".mp4");
        }

        /** Whether the current run finished a segment (its init is complete then) or ended. */
        synchronized boolean runMadeOneOrEnded() {
            return Files.exists(segment(firstSegment)) || !ffmpegAlive();
        }

        /** Makes a run's complete init segment the one served, once. */
        synchronized void publishInit(Path runInit, Path served) {
            if (Files.exists(served)) {
                return;
            }
            try {
                Path partial = directory.resolve("init.mp4.part");
                Files.copy(runInit, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, served, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "Cannot store the init segment",
                        e.getMessage());
            }
        }

        private synchronized void releaseSlot() {
            if (holdsSlot) {
                holdsSlot = false;
                transcodes.release();
            }
        }

        synchronized void stopFfmpeg() {
            MediaProcesses.Child running = ffmpeg;
            if (running != null) {
                running.stop();
                ffmpeg = null;
            }
            releaseSlot();
        }

        synchronized boolean ffmpegAlive() {
            return ffmpeg != null && ffmpeg.alive();
        }
    }

    /**
     * The init segment of a variant (codec set-up). Every ffmpeg run writes its own ({@code init-<first>.mp4}, all
     * alike); the first one complete becomes {@code init.mp4}, which is never rewritten while a client reads it.
     * A run already going (started by a segment request) is waited for, never restarted.
     */
    Path init(String key, HlsVariant variant, SourceMedia media) {
        Session session = session(key, variant, media);
        Path served = session.directory.resolve("init.mp4");
        if (Files.exists(served)) {
            return served;
        }
        session.produceIfIdle(0);
        Path runInit = session.runInit();
        await(session, runInit, () -> Files.exists(runInit) && session.runMadeOneOrEnded());
        session.publishInit(runInit, served);
        return served;
    }

    /** Segment n of a variant, made now if it was not. */
    Path segment(String key, HlsVariant variant, SourceMedia media, int n) {
        if (n < 0 || n >= HlsVariant.segmentCount(media)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No such segment");
        }
        Session session = session(key, variant, media);
        Path segment = session.segment(n);
        if (Files.exists(segment)) {
            log.debug("Session {}: segment {} served from disk", session.id, n);
            return segment;
        }
        log.debug("Session {}: segment {} awaited", session.id, n);
        session.produce(n);
        await(session, segment, () -> Files.exists(segment));
        return segment;
    }

    private void await(Session session, Path file, java.util.function.BooleanSupplier ready) {
        long deadline = System.nanoTime() + segmentTimeout.toNanos();
        Instant credited = clock.instant().plus(WAIT_CREDIT);
        while (!ready.getAsBoolean()) {
            Instant now = clock.instant();
            if (now.isBefore(credited)) {
                session.lastRequest = now;
            }
            String failure = session.failure(file);
            if (IDLE_FAILURE.equals(failure)) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Stream idle", "ask for the segment again");
            }
            if (failure != null) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, "Transcoding failed", failure);
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "Stream loading timeout");
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Stream interrupted");
            }
        }
        // the segment being ready says nothing of the client: a killed one's request still waits until here
    }

    private Session session(String key, HlsVariant variant, SourceMedia media) {
        String id = sessionId(key, variant);
        Session session = sessions.computeIfAbsent(id,
                created -> new Session(created, key, variant, media, processes.workDirectory().resolve(created)));
        session.lastRequest = clock.instant();
        return session;
    }

    /** Sessions are named by a hash of the key, never the key itself (directory names end up in logs). */
    private static String sessionId(String key, HlsVariant variant) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash, 0, 8) + "-" + variant.mode().value + "-" + variant.audioTrack();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many sessions have a running ffmpeg. */
    int running() {
        return (int) sessions.values().stream().filter(Session::ffmpegAlive).count();
    }

    /** Stops the ffmpeg of sessions whose client stopped asking, and forgets sessions long unused. */
    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void endIdleSessions() {
        Instant now = clock.instant();
        for (Session session : sessions.values()) {
            if (session.lastRequest.isBefore(now.minus(FORGOTTEN)) && sessions.remove(session.id, session)) {
                end(session);
            } else if (session.lastRequest.isBefore(now.minus(IDLE)) && session.ffmpegAlive()) {
                session.stopFfmpeg();
                log.info("Stopped the ffmpeg of HLS session {}: no request for {} s", session.id, IDLE.toSeconds());
            }
        }
    }

    @PreDestroy
    void endAll() {
        sessions.values().forEach(HlsSessions::end);
        sessions.clear();
    }

    private static void end(Session session) {
        session.stopFfmpeg();
        FileTrees.deleteQuietly(session.directory);
    }
}
