package app.marquee.catalog;

import java.util.List;

/**
 * The hook through which {@code includeSources=true} (a movie, or an episode) gets a title's torrent sources.
 * The sources module implements it as a Spring bean (catalog cannot depend on sources); until one exists the
 * endpoints answer an empty {@code sources} list.
 */
public interface SourceLookup {

    /**
     * The movie's sources, best first. May search on demand when none are known yet, for about 1.2 s at
     * most (API.md); must not throw for a movie it knows nothing about.
     */
    List<MovieSourceDto> sourcesFor(MovieSummary movie);

    /** As {@link #sourcesFor(MovieSummary)} for an episode (its own torrents and the packs that hold it). */
    List<MovieSourceDto> sourcesFor(EpisodeSummary episode);
}
