package app.marquee.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One torrent source of a movie as {@code GET /api/movies/:id?includeSources=true} lists it (API.md), and of an
 * episode as {@code GET /api/shows/:id/seasons/:s/episodes/:e?includeSources=true} does (the same shape). The
 * sources module fills it through {@link SourceLookup}.
 */
public record MovieSourceDto(long id, @Nullable String quality, @Nullable Long size, @Nullable String videoCodec,
        @Nullable Integer broadcasters, @Nullable Integer watchers, String source, boolean hasDataFile) {
}
