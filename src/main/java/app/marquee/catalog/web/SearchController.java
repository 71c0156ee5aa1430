package app.marquee.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.catalog.SearchResponse;
import app.marquee.catalog.internal.TitleSearch;
import app.marquee.platform.ApiException;

/** {@code GET /api/search?q=&lang=}: stored titles first, then TMDB's search (stored as any read). Route role: user. */
@RestController
@Tag(name = "Catalog")
class SearchController {

    static final int MAX_QUERY = 100;

    private final TitleSearch search;

    SearchController(TitleSearch search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search movies and shows", description = "Titles already stored whose English title contains "
            + "q come first; when they are fewer than 20, TMDB's multi search adds its titles, which are then stored. "
            + "While TMDB cannot be asked, the stored matches are the answer. q: 1-100 characters.")
    SearchResponse search(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "en") String lang) {
        return search.search(query(q), RequestChecks.lang(lang));
    }

    static String query(@Nullable String q) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty() || query.length() > MAX_QUERY) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid q", "q is the text to search, 1-100 characters");
        }
        return query;
    }
}
