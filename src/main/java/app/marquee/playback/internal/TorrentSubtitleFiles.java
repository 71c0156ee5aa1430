package app.marquee.playback.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.marquee.platform.ApiException;
import app.marquee.sources.PlayableSource;
import app.marquee.sources.VideoFiles;
import app.marquee.streaming.StreamingProperties;
import app.marquee.torrent.ActiveTorrent;
import app.marquee.torrent.StreamWindow;
import app.marquee.torrent.TorrentEngine;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

/**
 * Subtitle files that come inside a source's torrent beside the video ({@code Movie.en.srt}, {@code Subs/English.srt},
 * {@code .vtt}, {@code .ass}): listed from the torrent's metadata, fetched on demand (a window with deadlines on the
 * file, then its pieces awaited) and served as WebVTT, converted by ffmpeg when they are not WebVTT already.
 */
@Component
class TorrentSubtitleFiles {

    private static final Set<String> EXTENSIONS = Set.of("srt", "vtt", "ass", "ssa");
    /** Subtitle files are small; anything larger is not one. */
    private static final long MAX_SIZE = 10L * 1024 * 1024;
    /** Converting a file that small takes a moment. */
    private static final Duration CONVERSION_TIMEOUT = Duration.ofSeconds(60);
    /** English language names ("english", "french") to ISO 639-2, for files named by language. */
    private static final Map<String, String> LANGUAGE_NAMES = languageNames();
    private static final Set<String> TWO_LETTER_CODES = Set.of(Locale.getISOLanguages());

    private final TorrentEngine engine;
    private final MediaTools tools;
    private final MediaProcesses processes;
    private final Duration timeout;

    /** A subtitle file of the torrent. */
    record SubtitleFile(int fileIndex, String name, String format, @Nullable String language) {
    }

    TorrentSubtitleFiles(TorrentEngine engine, MediaTools tools, MediaProcesses processes,
            StreamingProperties streaming) {
        this.engine = engine;
        this.tools = tools;
        this.processes = processes;
        this.timeout = streaming.readTimeout();
    }

    /** The source's subtitle files; none while its metadata is unknown. */
    List<SubtitleFile> of(PlayableSource source) {
        TorrentMetadata metadata = source.metadata();
        if (metadata == null) {
            return List.of();
        }
        List<SubtitleFile> files = new ArrayList<>();
        for (TorrentFile file : metadata.files()) {
            String extension = VideoFiles.extension(file.name());
            if (EXTENSIONS.contains(extension) && file.size() <= MAX_SIZE) {
                files.add(new SubtitleFile(file.index(), String.join("/", file.path()), extension,
                        language(file.name())));
            }
        }
        return files;
    }

    /** The file as WebVTT, fetched from the swarm and converted once. */
    Path webVtt(PlayableSource source, int fileIndex) {
        SubtitleFile subtitle = of(source).stream().filter(f -> f.fileIndex() == fileIndex).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "No such subtitle file"));
        Path target = processes.workDirectory().resolve("subtitles")
                .resolve(source.id() + "-file" + fileIndex + ".vtt");
        synchronized (this) {
            if (Files.exists(target)) {
                return target;
            }
            Path downloaded = fetch(source, subtitle);
            try {
                Files.createDirectories(target.getParent());
                if (subtitle.format().equals("vtt")) {
                    Files.copy(downloaded, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    convert(downloaded, target);
                }
                return target;
            } catch (IOException e) {
                throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "Cannot store the subtitle", e.getMessage());
            }
        }
    }

    private Path fetch(PlayableSource source, SubtitleFile subtitle) {
        ActiveTorrent torrent = engine.find(source.infoHash()).orElseThrow(() -> new ApiException(
                HttpStatus.CONFLICT, "The video is not being played", "start it with POST /api/movies/{id}/{quality}"));
        TorrentFile file = torrent.metadata().orElseThrow().file(subtitle.fileIndex());
        try (StreamWindow window = torrent.openWindow(file.index(), 0)) {
            torrent.whenReadable(file.index(), 0, file.size()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return torrent.filePath(file.index());
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "Stream loading timeout");
        } catch (ExecutionException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Subtitle download failed", String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Stream interrupted");
        }
    }

    private void convert(Path subtitle, Path target) {
        if (!tools.available()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "ffmpeg is not available");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        processes.runToFile(List.of(tools.ffmpeg(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i",
                subtitle.toString(), "-f", "webvtt", partial.toString()), "ffmpeg subtitles " + target.getFileName(),
                partial, target, CONVERSION_TIMEOUT, "Subtitle conversion failed");
    }

    /**
     * The language a file name states, ISO 639-2: its last word before the extension, as a code ({@code .en.},
     * {@code .fre.}) or an English name ({@code English.srt}, {@code 2_French.srt}); null when it states none.
     */
    static @Nullable String language(String fileName) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String[] words = base.split("[^A-Za-z]+");
        if (words.length == 0) {
            return null;
        }
        String word = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (LANGUAGE_NAMES.containsKey(word)) {
            return LANGUAGE_NAMES.get(word);
        }
        if (word.length() == 3) {
            return PlaybackPlanner.languageCodes(word).stream().anyMatch(LANGUAGE_NAMES::containsValue) ? word : null;
        }
        if (word.length() == 2 && TWO_LETTER_CODES.contains(word)) {
            return Locale.of(word).getISO3Language();
        }
        return null;
    }

    private static Map<String, String> languageNames() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.of(code);
            try {
                names.put(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), locale.getISO3Language());
            } catch (java.util.MissingResourceException e) {
                // a code without a three-letter form: files do not use it
            }
        }
        return Map.copyOf(names);
    }
}
