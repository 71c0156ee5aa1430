package app.marquee.catalog.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import app.marquee.catalog.tmdb.TmdbData.Kind;

/**
 * The lists Marquee keeps filled from TMDB. Created at start-up when missing; the list refresh task
 * fills them. The sources are TMDB list requests without language and page.
 */
@Component
class BuiltInLists {

    private static final Logger log = LoggerFactory.getLogger(BuiltInLists.class);

    record Definition(String slug, String name, String description, String source, Kind kind) {
    }

    static final List<Definition> ALL = List.of(
            new Definition("popular-movies", "Popular movies", "The movies most watched on TMDB right now",
                    "/discover/movie?include_adult=false&include_video=false&sort_by=popularity.desc&vote_count.gte=10",
                    Kind.MOVIE),
            new Definition("top-rated-movies", "Top rated movies", "The best rated movies of all time",
                    "/movie/top_rated", Kind.MOVIE),
            new Definition("trending-movies", "Trending movies", "Movies trending this week", "/trending/movie/week",
                    Kind.MOVIE),
            new Definition("popular-shows", "Popular shows", "The TV shows most watched on TMDB right now",
                    "/discover/tv?include_adult=false&include_null_first_air_dates=false&sort_by=popularity.desc"
                            + "&vote_count.gte=10", Kind.TV),
            new Definition("trending-shows", "Trending shows", "TV shows trending this week", "/trending/tv/week",
                    Kind.TV));

    private final ListWriter writer;

    BuiltInLists(ListWriter writer) {
        this.writer = writer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createMissing() {
        try {
            int created = writer.createMissing(ALL);
            if (created > 0) {
                log.info("Created {} built-in lists; the list refresh task fills them", created);
            }
        } catch (DataIntegrityViolationException e) {
            log.debug("Another node created the built-in lists first: {}", e.getMessage());
        }
    }

    static Kind kindOf(String source) {
        return source.contains("/tv") ? Kind.TV : Kind.MOVIE;
    }
}
