package app.marquee.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.catalog.EpisodeResponse;
import app.marquee.catalog.SeasonResponse;
import app.marquee.catalog.ShowResponse;
import app.marquee.catalog.internal.TitleReader;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code GET /api/shows/:id}, its seasons, one season with its episodes (API.md), and one episode with its
 * sources. Route role: user.
 */
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

    @Operation(summary = "One episode",
            description = "includeSources=true adds its torrent sources (its own and season packs that hold it),"
                    + " best first; an episode never searched is searched on demand for about 1.2 s.")
    @GetMapping("/api/shows/{id}/seasons/{season}/episodes/{episode}")
    EpisodeResponse episode(@PathVariable int id, @PathVariable int season, @PathVariable int episode,
            @RequestParam(defaultValue = "false") boolean includeSources) {
        return titles.episode(RequestChecks.id(id), RequestChecks.seasonNumber(season),
                RequestChecks.episodeNumber(episode), includeSources);
    }
}
