package app.marquee.catalog.tmdb;

import java.util.Optional;

/**
 * TMDB response bodies by normalised request ({@link TmdbRequest#key()}), kept for
 * {@code marquee.tmdb.cache-ttl}. Only TMDB's own 200 answers that parsed are stored. A cache that cannot
 * be reached (Redis down) behaves as a miss: it never fails the read it serves.
 */
interface TmdbResponseCache {

    Optional<String> get(String key);

    void put(String key, String body);

    /** Forgets every entry (tests, and an operator who wants fresh data at once). */
    void clear();
}
