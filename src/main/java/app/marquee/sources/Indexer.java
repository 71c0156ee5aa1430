package app.marquee.sources;

import java.util.List;

import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieSummary;

/**
 * One place torrents are found (YTS, EZTV, a Torznab indexer...). Each implementation keeps its own rate limit,
 * timeouts and circuit breaker, and reports its health to {@code /api/status}; the source search asks every
 * enabled indexer and merges their answers by info-hash. A Spring bean of this type is an enabled indexer.
 */
public interface Indexer {

    /** The name sources carry as their {@code source} (API.md), e.g. {@code YTS}; at most 32 characters. */
    String name();

    /**
     * The torrents this indexer lists for a movie; empty when it has none (or cannot search this movie, e.g.
     * without an IMDb id).
     *
     * @throws RuntimeException when the indexer cannot be asked now (down, refused, malformed answers)
     * @throws app.marquee.network.VpnDownException while the VPN is required and down
     */
    List<IndexedTorrent> searchMovie(MovieSummary movie);

    /**
     * The torrents this indexer lists that may hold an episode: the episode's own releases and packs of its
     * season (the caller keeps those whose names hold the episode). Empty for an indexer of movies only.
     *
     * @throws RuntimeException when the indexer cannot be asked now
     * @throws app.marquee.network.VpnDownException while the VPN is required and down
     */
    default List<IndexedTorrent> searchEpisode(EpisodeSummary episode) {
        return List.of();
    }

    /** Whether it lists movies: a search of a movie asks only these (and fails only when all of them fail). */
    default boolean listsMovies() {
        return true;
    }

    /** Whether it lists TV episodes. */
    default boolean listsEpisodes() {
        return false;
    }
}
