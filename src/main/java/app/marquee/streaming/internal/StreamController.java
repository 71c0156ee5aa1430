package app.marquee.streaming.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;

import org.apache.coyote.CloseNowException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.DisconnectedClientHelper;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.MovieSummary;
import app.marquee.catalog.TitleIds;
import app.marquee.network.NetworkGate;
import app.marquee.network.VpnDownException;
import app.marquee.platform.ApiException;
import app.marquee.sources.PlayableSource;
import app.marquee.sources.SourcesApi;
import app.marquee.sources.VideoFiles;
import app.marquee.streaming.StreamingProperties;
import app.marquee.torrent.ActiveTorrent;
import app.marquee.torrent.StreamWindow;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

/**
 * {@code GET /api/stream/:token} (API.md): the video of a streaming key, with HTTP Range, read from the torrent
 * while it downloads. Each read waits only for the pieces it needs, and the reader's position steers the
 * download (a {@link StreamWindow}). A response starts only once its first bytes are there, so a stream that
 * cannot start in {@code marquee.streaming.read-timeout} is a 504; one that stalls later is cut off. Authenticated
 * by the key alone (a {@code <video>} element sends no headers).
 */
@RestController
class StreamController {

    private static final Logger log = LoggerFactory.getLogger(StreamController.class);
    /** The most bytes sent between two looks at the torrent (bounded by the pieces present). */
    private static final long MAX_CHUNK = 8L * 1024 * 1024;
    private static final int BUFFER = 256 * 1024;
    /** How often a read waiting for pieces looks whether the VPN is still up. */
    private static final java.time.Duration VPN_CHECK = java.time.Duration.ofMillis(250);
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("mkv", "video/x-matroska"),
            Map.entry("webm", "video/webm"), Map.entry("avi", "video/x-msvideo"), Map.entry("mov", "video/quicktime"),
            Map.entry("mpg", "video/mpeg"), Map.entry("mpeg", "video/mpeg"), Map.entry("ts", "video/mp2t"),
            Map.entry("m2ts", "video/mp2t"), Map.entry("wmv", "video/x-ms-wmv"), Map.entry("ogv", "video/ogg"),
            Map.entry("flv", "video/x-flv"));

    private final StreamingKeys keys;
    private final SourcesApi sources;
    private final CatalogApi catalog;
    private final TitleIds titleIds;
    private final Downloads downloads;
    private final NetworkGate gate;
    private final StreamingProperties properties;

    StreamController(StreamingKeys keys, SourcesApi sources, CatalogApi catalog, TitleIds titleIds,
            Downloads downloads, NetworkGate gate, StreamingProperties properties) {
        this.keys = keys;
        this.sources = sources;
        this.catalog = catalog;
        this.titleIds = titleIds;
        this.downloads = downloads;
        this.gate = gate;
        this.properties = properties;
    }

    /**
     * The stream stopped getting pieces (or the VPN went down) after its response had started: the connection must
     * be cut, or the player would wait for the promised bytes. Tomcat's {@code CloseNowException} says exactly
     * that: the connector closes the connection without an error page or an error log.
     */
    static final class StreamStalledException extends CloseNowException {
        StreamStalledException(String message) {
            super(message);
        }
    }

    @Operation(summary = "Stream a video (HTTP Range)",
            description = "Authenticated by the streaming key of POST /api/movies/{tmdbId}/{quality}. quality and"
                    + " hevc, when given, pick another source of the same movie.")
    @GetMapping("/api/stream/{token}")
    void stream(@PathVariable String token, @RequestParam(required = false) @Nullable String quality,
            @RequestParam(required = false) @Nullable Boolean hevc,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) @Nullable String range,
            HttpServletResponse response) throws IOException {
        StreamingKeys.Grant grant = keys.resolve(token).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "Invalid streaming key", "the key is unknown or expired: ask for a new one"));
        gate.checkTorrentTrafficAllowed();
        PlayedTitle title = title(grant);
        PlayableSource source = source(grant, title, quality, hevc);
        Downloads.Download download = downloads.start(source, title.label());
        TorrentFile file = video(download, source);
        ByteRange bytes;
        try {
            bytes = ByteRange.of(range, file.size());
        } catch (ByteRange.Unsatisfiable e) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + file.size());
            throw new ApiException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range not satisfiable",
                    "the file has " + file.size() + " bytes");
        }
        try (StreamWindow window = download.read(file, bytes.start())) {
            send(download.torrent, file, bytes, window, response);
        } catch (IOException e) {
            if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                log.debug("Stream of {}: the player went away", file.name());
                return; // its window is closed; nothing is left to answer
            }
            throw e; // the connection is cut, so the player sees the stream end early
        }
    }

    private PlayedTitle title(StreamingKeys.Grant grant) {
        Long movieId = grant.movieId();
        if (movieId != null) {
            Integer tmdbId = titleIds.movieTmdbIds(List.of(movieId)).get(movieId);
            return (tmdbId == null ? java.util.Optional.<MovieSummary>empty() : catalog.storedMovie(tmdbId))
                    .map(PlayedTitle.Movie::new)
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Movie not found"));
        }
        Long episodeId = java.util.Objects.requireNonNull(grant.episodeId(), "a key plays a movie or an episode");
        return catalog.storedEpisode(episodeId)
                .map(PlayedTitle.Episode::new)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Episode not found"));
    }

    private PlayableSource source(StreamingKeys.Grant grant, PlayedTitle title, @Nullable String quality,
            @Nullable Boolean hevc) {
        PlayableSource keyed = sources.source(grant.sourceId()).orElse(null);
        String asked = quality == null || quality.isBlank() ? null : PlayController.quality(quality);
        boolean keyedFits = keyed != null && (asked == null || asked.equals(keyed.quality()))
                && (hevc == null || hevc || !"x265".equalsIgnoreCase(keyed.videoCodec()));
        if (keyedFits) {
            return keyed;
        }
        List<PlayableSource> others = title.playable(sources, asked, hevc != null && hevc, null);
        if (others.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No playable video file");
        }
        return others.getFirst();
    }

    private TorrentFile video(Downloads.Download download, PlayableSource source) {
        try {
            return download.video(source).get(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "Stream loading timeout");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Downloads.NoVideoException) {
                throw new ApiException(HttpStatus.NOT_FOUND, "No playable video file");
            }
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Stream failed", String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Stream interrupted");
        }
    }

    private void send(ActiveTorrent torrent, TorrentFile file, ByteRange bytes, StreamWindow window,
            HttpServletResponse response) throws IOException {
        TorrentMetadata metadata = torrent.metadata().orElseThrow();
        long position = bytes.start();
        long chunkEnd = awaitChunk(torrent, metadata, file, position, bytes.end());
        if (chunkEnd < 0) {
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "Stream loading timeout");
        }
        response.setStatus(bytes.partial() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentType(contentType(file.name()));
        response.setContentLengthLong(bytes.length());
        if (bytes.partial()) {
            response.setHeader(HttpHeaders.CONTENT_RANGE,
                    "bytes " + bytes.start() + "-" + bytes.end() + "/" + file.size());
        }
        Path path = torrent.filePath(file.index());
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            OutputStream out = response.getOutputStream();
            while (true) {
                while (position <= chunkEnd) {
                    buffer.clear().limit((int) Math.min(BUFFER, chunkEnd - position + 1));
                    int read = channel.read(buffer, position);
                    if (read <= 0) {
                        throw new IOException("short read of " + path + " at " + position);
                    }
                    out.write(buffer.array(), 0, read);
                    position += read;
                }
                if (position > bytes.end()) {
                    out.flush();
                    return;
                }
                window.moveTo(position);
                try {
                    chunkEnd = awaitChunk(torrent, metadata, file, position, bytes.end());
                } catch (VpnDownException e) {
                    log.info("Stream of {} ended at byte {}: the VPN is down", file.name(), position);
                    throw new StreamStalledException("the VPN went down");
                }
                if (chunkEnd < 0) {
                    log.info("Stream of {} stalled at byte {}: no piece in {}", file.name(), position,
                            properties.readTimeout());
                    throw new StreamStalledException("stalled at byte " + position);
                }
            }
        }
    }

    /**
     * Waits for the piece holding {@code position}, then extends over the pieces already present after it.
     *
     * @return the last byte (inclusive, at most {@code end}) that can be read now; -1 on timeout
     */
    private long awaitChunk(ActiveTorrent torrent, TorrentMetadata metadata, TorrentFile file, long position,
            long end) throws IOException {
        long pieceLength = metadata.pieceLength();
        long absolute = file.offset() + position;
        int piece = (int) (absolute / pieceLength);
        long pieceEnd = (piece + 1L) * pieceLength - file.offset() - 1;
        long first = Math.min(end, pieceEnd);
        CompletableFuture<Void> readable = torrent.whenReadable(file.index(), position, first - position + 1);
        long deadline = System.nanoTime() + properties.readTimeout().toNanos();
        try {
            // waits in slices, so a stream ends as soon as the VPN kill switch stops torrent traffic
            while (true) {
                try {
                    readable.get(Math.min(VPN_CHECK.toNanos(), Math.max(1, deadline - System.nanoTime())),
                            TimeUnit.NANOSECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (!gate.isTorrentTrafficAllowed()) {
                        readable.cancel(false);
                        gate.checkTorrentTrafficAllowed(); // 503 before the response starts
                    }
                    if (System.nanoTime() >= deadline) {
                        readable.cancel(false);
                        return -1;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IOException("the torrent went away: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        long last = first;
        int next = piece + 1;
        while (last < end && last - position + 1 < MAX_CHUNK && torrent.havePiece(next)) {
            last = Math.min(end, last + pieceLength);
            next++;
        }
        return last;
    }

    static String contentType(String fileName) {
        return CONTENT_TYPES.getOrDefault(VideoFiles.extension(fileName), "application/octet-stream");
    }
}
