package app.marquee.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the TMDB ids a client speaks in into the catalog's own row ids that other modules keep (watch
 * progress, streaming keys), and back. Lookups by TMDB id use the read path, so a title that is not stored
 * yet is read from TMDB and stored first.
 */
public interface TitleIds {

    /** One episode, by its catalog id and by how a client names it. */
    record EpisodeRef(long episodeId, int showTmdbId, int season, int episode) {
    }

    /**
     * @return the movie's catalog id; empty when TMDB does not know it
     * @throws app.marquee.platform.ApiException 503/504 when it is not stored and TMDB cannot be asked
     */
    Optional<Long> movieId(int tmdbId);

    /**
     * @return the episode; empty when the show, season or episode does not exist
     * @throws app.marquee.platform.ApiException 503/504 when it is not stored and TMDB cannot be asked
     */
    Optional<EpisodeRef> episode(int showTmdbId, int season, int episode);

    /** TMDB ids of stored movies, by catalog id; ids not found are left out. */
    Map<Long, Integer> movieTmdbIds(Collection<Long> movieIds);

    /** Stored episodes by catalog id; ids not found are left out. */
    Map<Long, EpisodeRef> episodes(Collection<Long> episodeIds);
}
