package app.marquee.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One torrent source of a movie as {@code GET /api/movies/:id?includeSources=true} lists it (API.md), and of an
 * episode as {@code GET /api/shows/:id/seasons/:s/episodes/:e?includeSources=true} does (the same shape). The
 * sources module fills it through {@link SourceLookup}; {@code media} comes from {@link SourceMediaLookup} once
 * the video was probed, null before.
 */
public record MovieSourceDto(long id, @Nullable String quality, @Nullable Long size, @Nullable String videoCodec,
        @Nullable Integer broadcasters, @Nullable Integer watchers, String source, boolean hasDataFile,
        @Nullable SourceMedia media) {

    public MovieSourceDto(long id, @Nullable String quality, @Nullable Long size, @Nullable String videoCodec,
            @Nullable Integer broadcasters, @Nullable Integer watchers, String source, boolean hasDataFile) {
        this(id, quality, size, videoCodec, broadcasters, watchers, source, hasDataFile, null);
    }

    public MovieSourceDto withMedia(@Nullable SourceMedia probed) {
        return new MovieSourceDto(id, quality, size, videoCodec, broadcasters, watchers, source, hasDataFile, probed);
    }
}
