package app.marquee.catalog;

import java.util.List;

/**
 * The hook through which {@code GET /api/movies/:id?includeSources=true} gets a movie's sources. The
 * sources module implements it as a Spring bean (catalog cannot depend on sources); until one exists the
 * endpoint answers an empty {@code sources} list.
 */
public interface MovieSourceLookup {

    /**
     * The movie's sources, best first. May search on demand when none are known yet, for about 1.2 s at
     * most (API.md); must not throw for a movie it knows nothing about.
     */
    List<MovieSourceDto> sourcesFor(MovieSummary movie);
}
