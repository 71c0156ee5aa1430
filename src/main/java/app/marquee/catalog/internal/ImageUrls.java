package app.marquee.catalog.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.marquee.catalog.tmdb.TmdbData;

/**
 * Turns TMDB image paths into full URLs from TMDB's {@code /configuration} (base URL and offered sizes).
 * Until the configuration has been read (the list refresh task reads it), TMDB's long-standing documented
 * defaults are used, so serving a stored title never waits for, nor calls, TMDB.
 */
@Component
public class ImageUrls {

    static final TmdbData.ImageConfiguration DEFAULTS = new TmdbData.ImageConfiguration(
            "https://image.tmdb.org/t/p/", List.of("w500", "original"), List.of("w1280", "original"),
            List.of("w500", "original"), List.of("w300", "original"));

    private volatile TmdbData.ImageConfiguration configuration = DEFAULTS;

    void configure(TmdbData.ImageConfiguration newConfiguration) {
        this.configuration = newConfiguration;
    }

    @Nullable String poster(@Nullable String path) {
        return url(path, configuration.posterSizes(), "w500");
    }

    @Nullable String backdrop(@Nullable String path) {
        return url(path, configuration.backdropSizes(), "w1280");
    }

    @Nullable String logo(@Nullable String path) {
        return url(path, configuration.logoSizes(), "w500");
    }

    @Nullable String still(@Nullable String path) {
        return url(path, configuration.stillSizes(), "w300");
    }

    private @Nullable String url(@Nullable String path, List<String> sizes, String preferred) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String size = sizes.contains(preferred) || sizes.isEmpty() ? preferred : "original";
        String base = configuration.secureBaseUrl();
        return (base.endsWith("/") ? base : base + "/") + size + (path.startsWith("/") ? path : "/" + path);
    }
}
