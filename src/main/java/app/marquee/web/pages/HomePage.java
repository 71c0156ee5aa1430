package app.marquee.web.pages;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.marquee.accounts.CurrentUser;
import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.ListResponse;
import app.marquee.catalog.ListSummary;
import app.marquee.catalog.MovieResponse;
import app.marquee.platform.ApiException;
import app.marquee.trakt.ProgressEntry;
import app.marquee.trakt.WatchHistory;

/**
 * Home: "Continue watching" from the profile's progress, then one row of posters per list. On a new server the
 * lists are still being filled by the list-refresh task: the rows then poll ({@code /rows}, htmx) until they
 * have titles, instead of showing an empty page.
 */
@Controller
final class HomePage {

    private static final Logger log = LoggerFactory.getLogger(HomePage.class);
    private static final int CONTINUE_WATCHING = 12;

    private final CatalogApi catalog;
    private final WatchHistory history;

    HomePage(CatalogApi catalog, WatchHistory history) {
        this.catalog = catalog;
        this.history = history;
    }

    record Row(String name, String slug, List<Card> cards) {
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("lang") String lang, Model model) {
        rows(user, lang, model);
        return "home";
    }

    @GetMapping("/rows")
    String rowsFragment(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("lang") String lang, Model model) {
        rows(user, lang, model);
        return "home :: rows";
    }

    private void rows(CurrentUser user, String lang, Model model) {
        List<Row> rows = new ArrayList<>();
        List<Card> continuing = continueWatching(user, lang);
        if (!continuing.isEmpty()) {
            rows.add(new Row("Continue watching", "continue-watching", continuing));
        }
        boolean filled = false;
        for (ListSummary summary : catalog.lists(user.id())) {
            ListResponse list = catalog.list(summary.slug(), lang, user.id()).orElse(null);
            if (list != null && !list.results().isEmpty()) {
                rows.add(new Row(summary.name(), summary.slug(), list.results().stream().map(Card::of).toList()));
                filled = true;
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("filling", !filled);
    }

    private List<Card> continueWatching(CurrentUser user, String lang) {
        List<Card> cards = new ArrayList<>();
        for (ProgressEntry entry : history.of(user.id())) {
            if (cards.size() == CONTINUE_WATCHING) {
                break;
            }
            if (entry.movieId() == null || "completed".equals(entry.status())) {
                continue;
            }
            try {
                MovieResponse movie = catalog.movieDetails(entry.movieId(), lang, false);
                cards.add(new Card("/watch/" + movie.tmdbId(), movie.title(), movie.poster(),
                        movie.releaseDate() == null ? null : Integer.toString(movie.releaseDate().getYear()),
                        entry.progress()));
            } catch (ApiException e) {
                log.debug("continue watching: movie {} unavailable: {}", entry.movieId(), e.getMessage());
            }
        }
        return cards;
    }
}
