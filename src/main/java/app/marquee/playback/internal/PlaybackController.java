package app.marquee.playback.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.catalog.SourceMedia;
import app.marquee.sources.PlaybackWork;
import app.marquee.platform.ApiException;
import app.marquee.streaming.StreamingApi;

/**
 * Playback routes under a streaming key (authenticated by the key alone, like {@code GET /api/stream/:key}): what
 * the video holds, how this client should play it, and the HLS renditions.
 */
@RestController
class PlaybackController {

    static final String CAPABILITIES_HEADER = PlaybackWork.CAPABILITIES_HEADER;
    private static final MediaType HLS_PLAYLIST = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");

    private final KeyedVideos videos;
    private final MediaTools tools;
    private final HlsSessions hls;
    private final TorrentSubtitleFiles torrentSubtitles;

    PlaybackController(KeyedVideos videos, MediaTools tools, HlsSessions hls, TorrentSubtitleFiles torrentSubtitles) {
        this.videos = videos;
        this.tools = tools;
        this.hls = hls;
        this.torrentSubtitles = torrentSubtitles;
    }

    /**
     * A subtitle track and where to get it as WebVTT.
     *
     * @param origin {@code embedded} (a track of the video; {@code track} numbers them) or {@code torrent} (a file
     *        beside the video; {@code track} is its index in the torrent, {@code title} its name)
     * @param url null for image tracks, which can only be burnt in
     */
    record SubtitleOption(String origin, int track, String codec, @Nullable String language, @Nullable String title,
            boolean forced, boolean burnInOnly, @Nullable String url) {
    }

    /**
     * How this client plays the key's video.
     *
     * @param mode direct, remux, audio-transcode or transcode
     * @param url what to give the player: the file itself for direct play, else an HLS playlist
     * @param audioTrack the audio track heard (-1: none or unknown)
     * @param media what the video holds; null when ffprobe is not available
     */
    record PlaybackResponse(String mode, String url, String reason, int audioTrack, @Nullable SourceMedia media,
            List<SubtitleOption> subtitles) {
    }

    @Operation(summary = "What a key's video holds (probed with ffprobe once its header is downloaded)")
    @GetMapping("/api/stream/{key}/media")
    SourceMedia media(@PathVariable String key) {
        StreamingApi.Grant grant = videos.grant(key);
        return videos.media(key, grant);
    }

    @Operation(summary = "How this client should play a key's video",
            description = "The client says what it plays: hevc=true when it decodes HEVC, and caps (or the"
                    + " X-Playback-Capabilities header), codec and container names such as h264,aac,opus,mp4,webm."
                    + " audio picks an audio track by number; otherwise the first in lang (or Accept-Language)."
                    + " The answer is direct play, or an HLS playlist of a remux, audio transcode or full transcode.")
    @GetMapping("/api/stream/{key}/playback")
    PlaybackResponse playback(@PathVariable String key, @RequestParam(defaultValue = "false") boolean hevc,
            @RequestParam(required = false) @Nullable String caps,
            @RequestHeader(value = CAPABILITIES_HEADER, required = false) @Nullable String capsHeader,
            @RequestParam(required = false) @Nullable Integer audio,
            @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(value = "Accept-Language", required = false) @Nullable String acceptLanguage) {
        StreamingApi.Grant grant = videos.grant(key);
        ClientCapabilities client = ClientCapabilities.of(caps != null ? caps : capsHeader, hevc);
        String base = "/api/stream/" + key;
        if (!tools.available()) {
            return new PlaybackResponse(PlaybackPlanner.Mode.DIRECT.value, base,
                    "ffmpeg is not available: the file as it is", -1, null, List.of());
        }
        SourceMedia media = videos.media(key, grant);
        String language = lang != null && !lang.isBlank() ? lang : firstLanguage(acceptLanguage);
        int track = PlaybackPlanner.audioTrack(media, audio, language);
        PlaybackPlanner.Plan plan = PlaybackPlanner.plan(media, videos.extension(grant), client, track);
        String url = plan.mode() == PlaybackPlanner.Mode.DIRECT ? base
                : base + "/hls/" + new HlsVariant(plan.mode(), plan.audioTrack()).path() + "/index.m3u8";
        List<SubtitleOption> options = new ArrayList<>();
        for (SourceMedia.Subtitle s : media.subtitles()) {
            options.add(new SubtitleOption("embedded", s.track(), s.codec(), s.language(), s.title(), s.forced(),
                    !s.text(), s.text() ? base + "/subtitles/" + s.track() + ".vtt" : null));
        }
        for (TorrentSubtitleFiles.SubtitleFile file : torrentSubtitles.of(videos.source(grant))) {
            options.add(new SubtitleOption("torrent", file.fileIndex(), file.format(), file.language(), file.name(),
                    false, false, base + "/subtitles/file/" + file.fileIndex() + ".vtt"));
        }
        return new PlaybackResponse(plan.mode().value, url, plan.reason(), plan.audioTrack(), media, options);
    }

    @Operation(summary = "HLS playlist of a remuxed or transcoded rendition (every segment, made on demand)")
    @GetMapping("/api/stream/{key}/hls/{mode}/{audio}/index.m3u8")
    ResponseEntity<String> playlist(@PathVariable String key, @PathVariable String mode, @PathVariable int audio) {
        StreamingApi.Grant grant = videos.grant(key);
        SourceMedia media = videos.media(key, grant);
        HlsVariant variant = variant(mode, audio, media);
        return ResponseEntity.ok().contentType(HLS_PLAYLIST).cacheControl(CacheControl.noCache())
                .body(variant.playlist(media));
    }

    @Operation(summary = "HLS init segment (fragmented MP4)")
    @GetMapping("/api/stream/{key}/hls/{mode}/{audio}/init.mp4")
    ResponseEntity<Resource> init(@PathVariable String key, @PathVariable String mode, @PathVariable int audio) {
        StreamingApi.Grant grant = videos.grant(key);
        SourceMedia media = videos.media(key, grant);
        return file(hls.init(key, variant(mode, audio, media), media), MP4);
    }

    @Operation(summary = "HLS media segment n (4 s), made from its time on when it was not made yet")
    @GetMapping("/api/stream/{key}/hls/{mode}/{audio}/{segment:\\d+}.m4s")
    ResponseEntity<Resource> segment(@PathVariable String key, @PathVariable String mode, @PathVariable int audio,
            @PathVariable int segment) {
        StreamingApi.Grant grant = videos.grant(key);
        SourceMedia media = videos.media(key, grant);
        return file(hls.segment(key, variant(mode, audio, media), media, segment), MP4);
    }

    private HlsVariant variant(String mode, int audio, SourceMedia media) {
        PlaybackPlanner.Mode parsed = PlaybackPlanner.Mode.of(mode);
        if (parsed == PlaybackPlanner.Mode.DIRECT || audio < -1 || audio >= media.audio().size()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found");
        }
        requireTools();
        return new HlsVariant(parsed, audio);
    }

    private void requireTools() {
        if (!tools.available()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "ffmpeg is not available");
        }
    }

    static @Nullable String firstLanguage(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        String first = acceptLanguage.split(",")[0].split(";")[0].strip();
        return first.isEmpty() || first.equals("*") ? null : first;
    }

    static ResponseEntity<Resource> file(Path path, MediaType type) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .body(new FileSystemResource(path));
    }
}
