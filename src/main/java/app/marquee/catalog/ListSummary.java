package app.marquee.catalog;

import org.jspecify.annotations.Nullable;

/** An entry of {@code GET /api/lists}: {@code url} is {@code /list/<slug>} (API.md). */
public record ListSummary(String name, String slug, @Nullable String description, String url) {
}
