package app.marquee.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** {@code GET /api/list/:slug} (API.md). */
public record ListResponse(List<MediaDto> results, int total, ListInfo list) {

    public record ListInfo(String name, String slug, @Nullable String description) {
    }
}
