package app.marquee.catalog.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.ListSummary;
import app.marquee.catalog.TitleRef;
import app.marquee.platform.ApiException;

/**
 * Admin-curated lists (Marquee's own routes; API.md leaves them open): {@code PUT /api/lists/:slug} creates or
 * replaces one, {@code DELETE /api/lists/:slug} removes it. Users read them as any list. Route role: admin.
 */
@RestController
@Tag(name = "Catalog")
final class CuratedListController {

    private final CatalogApi catalog;

    CuratedListController(CatalogApi catalog) {
        this.catalog = catalog;
    }

    record Title(@NotNull @Pattern(regexp = "movie|show", message = "must be \"movie\" or \"show\"") String type,
            @NotNull @Positive Integer tmdbId) {
    }

    record CuratedList(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 1000) String description,
            @NotNull @Size(max = 500) List<@Valid @NotNull Title> titles) {
    }

    @PutMapping("/api/lists/{slug}")
    @Operation(summary = "Create or replace a curated list (admin)",
            description = "Titles TMDB does not know are left out; 409 when the slug is a TMDB list's.")
    ListSummary save(@PathVariable String slug, @Valid @RequestBody CuratedList body) {
        return catalog.saveCuratedList(slug, body.name(), body.description(), body.titles().stream()
                .map(t -> "movie".equals(t.type()) ? TitleRef.movie(t.tmdbId()) : TitleRef.show(t.tmdbId()))
                .toList());
    }

    @DeleteMapping("/api/lists/{slug}")
    @Operation(summary = "Delete a curated list (admin)")
    ResponseEntity<Void> delete(@PathVariable String slug) {
        if (!catalog.deleteCuratedList(slug)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "List not found");
        }
        return ResponseEntity.noContent().build();
    }
}
