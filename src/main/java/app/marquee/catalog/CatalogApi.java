package app.marquee.catalog;

import java.util.Optional;

/**
 * The catalog as other modules use it. Implemented in {@code catalog.internal}; other modules never see
 * catalog entities or repositories.
 */
public interface CatalogApi {

    /** A movie as stored, without any outside call. */
    Optional<MovieSummary> storedMovie(int tmdbId);

    /**
     * A movie by TMDB id, read database first, then from the TMDB cache or TMDB (and stored).
     *
     * @return empty when TMDB does not know the id
     * @throws app.marquee.platform.ApiException 503/504 when the movie is not stored and TMDB cannot be asked
     */
    Optional<MovieSummary> movie(int tmdbId);
}
