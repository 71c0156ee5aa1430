package app.marquee.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.catalog.SeasonResponse;
import app.marquee.catalog.ShowResponse;
import app.marquee.catalog.internal.TitleReader;

/** {@code GET /api/shows/:id}, its seasons, and one season with its episodes (API.md). Route role: user. */
@RestController
class ShowController {

    private final TitleReader titles;

    ShowController(TitleReader titles) {
        this.titles = titles;
    }

    @GetMapping("/api/shows/{id}")
    ShowResponse show(@PathVariable int id, @RequestParam(defaultValue = "en") String lang) {
        return titles.show(RequestChecks.id(id), RequestChecks.lang(lang));
    }

    @GetMapping("/api/shows/{id}/seasons")
    List<SeasonResponse> seasons(@PathVariable int id) {
        return titles.seasons(RequestChecks.id(id));
    }

    @GetMapping("/api/shows/{id}/seasons/{season}")
    SeasonResponse season(@PathVariable int id, @PathVariable int season) {
        return titles.season(RequestChecks.id(id), RequestChecks.seasonNumber(season));
    }
}
