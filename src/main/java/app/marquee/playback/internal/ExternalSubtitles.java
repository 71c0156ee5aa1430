package app.marquee.playback.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.marquee.platform.ApiException;
import app.marquee.playback.opensubtitles.OpenSubtitlesClient;

/**
 * Subtitles from OpenSubtitles: searches cached a day per movie and language, files kept on disk under the
 * playback directory once downloaded (downloads count against the API key's daily quota). Only files a search
 * for the key's movie offered can be downloaded through a key.
 */
@Component
class ExternalSubtitles {

    private static final Duration SEARCH_TTL = Duration.ofHours(24);

    private final OpenSubtitlesClient client;
    private final MediaProcesses processes;
    private final Cache<String, List<OpenSubtitlesClient.Found>> searches = Caffeine.newBuilder()
            .expireAfterWrite(SEARCH_TTL).maximumSize(5_000).build();

    ExternalSubtitles(OpenSubtitlesClient client, MediaProcesses processes) {
        this.client = client;
        this.processes = processes;
    }

    List<OpenSubtitlesClient.Found> search(String imdbId, String language) {
        requireConfigured();
        try {
            return searches.get(imdbId + "/" + language, key -> client.search(imdbId, language));
        } catch (OpenSubtitlesClient.OpenSubtitlesException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "OpenSubtitles is unavailable", e.getMessage());
        }
    }

    /** The file as WebVTT on disk, downloaded once. */
    Path webVtt(String imdbId, long fileId) {
        requireConfigured();
        boolean offered = searches.asMap().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(imdbId + "/"))
                .anyMatch(entry -> entry.getValue().stream().anyMatch(found -> found.fileId() == fileId));
        if (!offered) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No such subtitle",
                    "list this movie's external subtitles first; only those can be fetched");
        }
        Path target = processes.workDirectory().resolve("opensubtitles").resolve(fileId + ".vtt");
        synchronized (this) {
            if (Files.exists(target)) {
                return target;
            }
            try {
                String text = client.downloadWebVtt(fileId);
                Files.createDirectories(target.getParent());
                Path partial = target.resolveSibling(fileId + ".vtt.part");
                Files.writeString(partial, text, StandardCharsets.UTF_8);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return target;
            } catch (OpenSubtitlesClient.OpenSubtitlesException e) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, "OpenSubtitles is unavailable", e.getMessage());
            } catch (IOException e) {
                throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "Cannot store the subtitle", e.getMessage());
            }
        }
    }

    private void requireConfigured() {
        if (!client.isConfigured()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "External subtitles are not configured",
                    "set marquee.subtitles.opensubtitles.api-key");
        }
    }
}
