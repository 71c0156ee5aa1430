package app.marquee.catalog.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.catalog.MovieResponse;
import app.marquee.catalog.internal.TitleReader;

/** {@code GET /api/movies/:id} (API.md). Route role: user. */
@RestController
class MovieController {

    private final TitleReader titles;

    MovieController(TitleReader titles) {
        this.titles = titles;
    }

    @GetMapping("/api/movies/{id}")
    MovieResponse movie(@PathVariable int id, @RequestParam(defaultValue = "en") String lang,
            @RequestParam(defaultValue = "false") boolean includeSources) {
        return titles.movie(RequestChecks.id(id), RequestChecks.lang(lang), includeSources);
    }
}
