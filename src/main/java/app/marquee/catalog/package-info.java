/**
 * Movies, TV shows, seasons, episodes, genres in several languages and curated lists, with their
 * metadata read database-first, then from a 24 h TMDB response cache, then from TMDB.
 */
@NullMarked
package app.marquee.catalog;

import org.jspecify.annotations.NullMarked;
