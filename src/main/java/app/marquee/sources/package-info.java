/**
 * Torrent sources for each title: indexer search (YTS mirrors with failover, Torznab endpoints), magnets,
 * tracker scrape, torrent-metadata validation and quality ranking.
 */
@NullMarked
package app.marquee.sources;

import org.jspecify.annotations.NullMarked;
