package app.marquee.playback.internal;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.catalog.SourceMedia;
import app.marquee.platform.ApiException;
import app.marquee.playback.opensubtitles.OpenSubtitlesClient;
import app.marquee.streaming.StreamingApi;

/**
 * Subtitles of a streaming key's movie as WebVTT (what {@code <track>} takes): the video's own text tracks, and
 * OpenSubtitles' by the movie's IMDb id. Authenticated by the key alone.
 */
@RestController
class SubtitleController {

    private static final MediaType WEBVTT = MediaType.parseMediaType("text/vtt;charset=UTF-8");

    private final KeyedVideos videos;
    private final MediaTools tools;
    private final SubtitleTracks embedded;
    private final ExternalSubtitles external;
    private final TorrentSubtitleFiles torrentFiles;

    SubtitleController(KeyedVideos videos, MediaTools tools, SubtitleTracks embedded, ExternalSubtitles external,
            TorrentSubtitleFiles torrentFiles) {
        this.videos = videos;
        this.tools = tools;
        this.embedded = embedded;
        this.external = external;
        this.torrentFiles = torrentFiles;
    }

    /** A subtitle OpenSubtitles offers, and its WebVTT URL. */
    record ExternalSubtitle(long fileId, String language, @Nullable String release, int downloads,
            boolean hearingImpaired, String url) {
    }

    @Operation(summary = "A text subtitle track of the video as WebVTT",
            description = "track numbers the video's subtitle tracks from 0 (see /playback); image tracks (PGS,"
                    + " VobSub) answer 422: they can only be burnt in")
    @GetMapping("/api/stream/{key}/subtitles/{track:\\d+}.vtt")
    ResponseEntity<Resource> embedded(@PathVariable String key, @PathVariable int track) {
        StreamingApi.Grant grant = videos.grant(key);
        SourceMedia media = videos.media(key, grant);
        if (track >= media.subtitles().size()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No such subtitle track");
        }
        SourceMedia.Subtitle subtitle = media.subtitles().get(track);
        if (!subtitle.text()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Image subtitles can only be burnt in",
                    subtitle.codec() + " is a picture format, not text");
        }
        if (!tools.available()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "ffmpeg is not available");
        }
        return PlaybackController.file(embedded.webVtt(key, grant.sourceId(), subtitle), WEBVTT);
    }

    @Operation(summary = "A subtitle file that came in the torrent beside the video (.srt, .vtt, .ass) as WebVTT",
            description = "index is the file's index in the torrent, as /playback lists it")
    @GetMapping("/api/stream/{key}/subtitles/file/{index:\\d+}.vtt")
    ResponseEntity<Resource> torrentFile(@PathVariable String key, @PathVariable int index) {
        StreamingApi.Grant grant = videos.grant(key);
        return PlaybackController.file(torrentFiles.webVtt(videos.source(grant), index), WEBVTT);
    }

    @Operation(summary = "Subtitles of the key's movie from OpenSubtitles, most downloaded first",
            description = "lang is ISO 639-1 (en, fr, pt-br); default: the first of Accept-Language, else en."
                    + " 503 when marquee.subtitles.opensubtitles.api-key is not set.")
    @GetMapping("/api/stream/{key}/subtitles/external")
    List<ExternalSubtitle> externalList(@PathVariable String key,
            @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(value = "Accept-Language", required = false) @Nullable String acceptLanguage) {
        StreamingApi.Grant grant = videos.grant(key);
        String language = language(lang != null ? lang : PlaybackController.firstLanguage(acceptLanguage));
        return external.search(videos.imdbId(grant), language).stream()
                .map(found -> new ExternalSubtitle(found.fileId(), found.language(), found.release(),
                        found.downloads(), found.hearingImpaired(),
                        "/api/stream/" + key + "/subtitles/external/" + found.fileId() + ".vtt"))
                .toList();
    }

    @Operation(summary = "One OpenSubtitles subtitle (listed by /subtitles/external) as WebVTT")
    @GetMapping("/api/stream/{key}/subtitles/external/{fileId:\\d+}.vtt")
    ResponseEntity<Resource> externalFile(@PathVariable String key, @PathVariable long fileId) {
        StreamingApi.Grant grant = videos.grant(key);
        return PlaybackController.file(external.webVtt(videos.imdbId(grant), fileId), WEBVTT);
    }

    private static String language(@Nullable String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        String normalized = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!normalized.matches("[a-z]{2,3}(-[a-z0-9]{2,4})?")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid language", "lang is ISO 639-1, e.g. en or pt-br");
        }
        // OpenSubtitles names languages by ISO 639-1 alone, except pt-br, pt-pt and the Chinese scripts
        return normalized.startsWith("pt-") || normalized.startsWith("zh-") ? normalized : normalized.split("-")[0];
    }
}
