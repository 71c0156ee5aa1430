package app.marquee.web.pages;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.SearchResponse;

/** Search results as posters, from the catalog's search (stored titles, then TMDB's). */
@Controller
final class SearchPage {

    private final CatalogApi catalog;

    SearchPage(CatalogApi catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) @Nullable String q, @ModelAttribute("lang") String lang, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        List<Card> cards = query.isEmpty() || query.length() > 100 ? List.of()
                : catalog.search(query, lang).results().stream().map(SearchPage::card).toList();
        model.addAttribute("cards", cards);
        return "search";
    }

    private static Card card(SearchResponse.Result result) {
        return new Card((result.type().equals("movie") ? "/movie/" : "/show/") + result.tmdbId(), result.title(),
                result.poster(), result.date() == null ? null : Integer.toString(result.date().getYear()), null);
    }
}
