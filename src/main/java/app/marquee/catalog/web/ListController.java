package app.marquee.catalog.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.accounts.CurrentUser;
import app.marquee.catalog.ListResponse;
import app.marquee.catalog.ListSummary;
import app.marquee.catalog.internal.ListQueries;
import app.marquee.catalog.internal.TitleReader;
import app.marquee.platform.ApiException;

/** {@code GET /api/lists} and {@code GET /api/list/:slug} (API.md), from the database only. Route role: user. */
@RestController
class ListController {

    private final ListQueries lists;
    private final TitleReader titles;

    ListController(ListQueries lists, TitleReader titles) {
        this.lists = lists;
        this.titles = titles;
    }

    @GetMapping("/api/lists")
    List<ListSummary> lists(@AuthenticationPrincipal CurrentUser user) {
        return lists.lists(user.id());
    }

    @GetMapping("/api/list/{slug}")
    ListResponse list(@PathVariable String slug, @RequestParam(defaultValue = "en") String lang,
            @AuthenticationPrincipal CurrentUser user) {
        String language = RequestChecks.lang(lang);
        titles.prepareLanguage(language);
        return lists.list(slug, language, user.id()).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "List not found"));
    }
}
