package app.marquee.web.pages;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.marquee.accounts.CurrentUser;
import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieResponse;
import app.marquee.catalog.MovieSourceDto;
import app.marquee.catalog.SeasonResponse;
import app.marquee.catalog.ShowResponse;
import app.marquee.platform.ApiException;

/** A movie with its sources and Play buttons; a show with its seasons and the episodes of one of them. */
@Controller
final class TitlePages {

    private final CatalogApi catalog;

    TitlePages(CatalogApi catalog) {
        this.catalog = catalog;
    }

    /** A source as the table shows it; {@code mime} lets the page ask the browser whether it can play it. */
    record SourceRow(String quality, String codec, String size, String peers, String mime) {

        static SourceRow of(MovieSourceDto source) {
            String codec = source.videoCodec() == null ? "x264" : source.videoCodec();
            return new SourceRow(source.quality() == null ? "?" : source.quality(), codec,
                    source.size() == null ? "?" : humanSize(source.size()),
                    (source.broadcasters() == null ? "?" : source.broadcasters()) + " / "
                            + (source.watchers() == null ? "?" : source.watchers()),
                    // YTS and most torrents carry MP4 with AAC; x265 needs HEVC support (notes/browser.md)
                    codec.toLowerCase(Locale.ROOT).contains("265") ? "video/mp4; codecs=\"hvc1\""
                            : "video/mp4; codecs=\"avc1.42E01E, mp4a.40.2\"");
        }
    }

    @GetMapping("/movie/{id}")
    String movie(@PathVariable int id, @ModelAttribute("lang") String lang, Model model) {
        MovieResponse movie = catalog.movieDetails(checkedId(id), lang, true);
        List<MovieSourceDto> sources = movie.sources() == null ? List.of() : movie.sources();
        model.addAttribute("movie", movie);
        model.addAttribute("sources", sources.stream().map(SourceRow::of).toList());
        model.addAttribute("qualities", sources.stream().map(MovieSourceDto::quality)
                .filter(q -> q != null).distinct().toList());
        return "movie";
    }

    @GetMapping("/show/{id}")
    String show(@PathVariable int id, @RequestParam(required = false) @Nullable Integer season,
            @ModelAttribute("lang") String lang, Model model) {
        ShowResponse show = catalog.show(checkedId(id), lang);
        model.addAttribute("show", show);
        Integer chosen = season != null ? season
                : show.seasons().stream().map(SeasonResponse::seasonNumber).filter(n -> n > 0).findFirst()
                        .orElse(show.seasons().isEmpty() ? null : show.seasons().getFirst().seasonNumber());
        if (chosen != null && chosen >= 0) {
            model.addAttribute("season", catalog.season(show.tmdbId(), chosen));
        }
        return "show";
    }

    @GetMapping("/watch/{id}")
    String watch(@PathVariable int id, @RequestParam(defaultValue = "auto") String quality,
            @AuthenticationPrincipal CurrentUser user, @ModelAttribute("lang") String lang, Model model) {
        MovieResponse movie = catalog.movieDetails(checkedId(id), lang, false);
        model.addAttribute("playing", new Playing(movie.title(), movie.title(), movie.backdrop(), "/movie/" + id,
                "Back to the movie", movie.tmdbId(), null, null, null));
        return watchPage(quality, user, model);
    }

    @GetMapping("/watch/show/{id}/{season}/{episode}")
    String watchEpisode(@PathVariable int id, @PathVariable int season, @PathVariable int episode,
            @RequestParam(defaultValue = "auto") String quality, @AuthenticationPrincipal CurrentUser user,
            @ModelAttribute("lang") String lang, Model model) {
        if (season < 0 || episode < 0) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found");
        }
        ShowResponse show = catalog.show(checkedId(id), lang);
        EpisodeSummary summary = catalog.episode(id, season, episode);
        String title = "%s · S%02dE%02d".formatted(show.title(), season, episode);
        model.addAttribute("playing", new Playing(title, summary.label(), show.backdrop(),
                "/show/" + id + "?season=" + season, "Back to the show", null, id, season, episode));
        return watchPage(quality, user, model);
    }

    /**
     * What the player page plays: a movie ({@code movie} set) or an episode ({@code show}, {@code season},
     * {@code episode} set); {@code streamTitle} is the title {@code /api/stats} lists its download under.
     */
    record Playing(String title, String streamTitle, @Nullable String backdrop, String back, String backLabel,
            @Nullable Integer movie, @Nullable Integer show, @Nullable Integer season, @Nullable Integer episode) {
    }

    private static String watchPage(String quality, CurrentUser user, Model model) {
        model.addAttribute("quality", quality.matches("auto|480p|720p|1080p|2160p|3D") ? quality : "auto");
        model.addAttribute("session", user.sessionId());
        return "watch";
    }

    /** A title TMDB does not know, or TMDB out of reach: a page that says so, with its status. */
    @ExceptionHandler(ApiException.class)
    String unavailable(ApiException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("me", SignedInPages.currentUser());
        model.addAttribute("message", e.status() == HttpStatus.NOT_FOUND ? "This title does not exist."
                : "The catalog cannot be reached right now (" + e.error() + "). Try again in a moment.");
        return "unavailable";
    }

    private static int checkedId(int id) {
        if (id <= 0) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found");
        }
        return id;
    }

    static String humanSize(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
}
