package app.marquee.playback.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import app.marquee.platform.ApiException;

/**
 * What a client plays, as it states it: the {@code hevc} flag of API.md plus a list of codec and container names
 * ({@code ?caps=} or the {@code X-Playback-Capabilities} header, e.g. {@code h264,hevc,aac,opus,mp4,webm}) that
 * the web UI fills from {@code MediaSource.isTypeSupported}/{@code canPlayType}. Names are ffprobe's codec names;
 * a few common aliases are accepted. Without a list, a browser's baseline is assumed: MP4/WebM with H.264, VP8,
 * VP9 or AV1 video and AAC, MP3, Opus, Vorbis or FLAC audio; no Matroska, AC3, DTS or TrueHD (see
 * notes/browser.md: Chromium plays an MKV's video but decodes none of its AC3).
 */
record ClientCapabilities(Set<String> codecs, Set<String> containers) {

    private static final Set<String> BROWSER_CODECS = Set.of("h264", "vp8", "vp9", "av1", "aac", "mp3", "opus",
            "vorbis", "flac");
    private static final Set<String> BROWSER_CONTAINERS = Set.of("mp4", "webm");
    private static final Set<String> CONTAINERS = Set.of("mp4", "webm", "matroska", "avi", "mpegts");
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("avc", "h264"),
            Map.entry("avc1", "h264"), Map.entry("x264", "h264"), Map.entry("h265", "hevc"), Map.entry("hvc1", "hevc"),
            Map.entry("hev1", "hevc"), Map.entry("x265", "hevc"), Map.entry("mkv", "matroska"),
            Map.entry("mp4a", "aac"), Map.entry("ac-3", "ac3"), Map.entry("ec-3", "eac3"), Map.entry("ts", "mpegts"),
            Map.entry("m4v", "mp4"), Map.entry("mov", "mp4"));

    static ClientCapabilities of(@Nullable String stated, boolean hevc) {
        Set<String> codecs = new HashSet<>();
        Set<String> containers = new HashSet<>();
        if (stated == null || stated.isBlank()) {
            codecs.addAll(BROWSER_CODECS);
            containers.addAll(BROWSER_CONTAINERS);
        } else {
            for (String token : Arrays.stream(stated.split("[,\\s]+")).filter(t -> !t.isBlank()).toList()) {
                String name = token.toLowerCase(Locale.ROOT);
                if (!name.matches("[a-z0-9_.-]{1,24}")) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid capabilities",
                            "caps is a comma-separated list of codec and container names, e.g. h264,aac,mp4");
                }
                name = ALIASES.getOrDefault(name, name);
                (CONTAINERS.contains(name) ? containers : codecs).add(name);
            }
        }
        if (hevc) {
            codecs.add("hevc");
        }
        return new ClientCapabilities(Set.copyOf(codecs), Set.copyOf(containers));
    }

    boolean plays(String codec) {
        return codecs.contains(codec);
    }

    /** Whether the client plays a file of this ffprobe format ({@code matroska,webm}, {@code mov,mp4,...}). */
    boolean playsContainer(String ffprobeFormat, @Nullable String fileExtension) {
        Set<String> names = Arrays.stream(ffprobeFormat.split(",")).collect(Collectors.toSet());
        if (names.contains("matroska")) {
            // ffprobe names Matroska and WebM alike; only the extension tells them apart
            return "webm".equals(fileExtension) ? containers.contains("webm") : containers.contains("matroska");
        }
        if (names.contains("mp4") || names.contains("mov")) {
            return containers.contains("mp4");
        }
        return names.stream().anyMatch(containers::contains);
    }
}
