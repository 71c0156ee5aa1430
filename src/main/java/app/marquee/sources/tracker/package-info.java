/**
 * Tracker scrape: how many seeders and leechers a tracker knows for some info-hashes, over UDP (BEP 15) and
 * HTTP (BEP 48). libtorrent only scrapes torrents it has added, so this small client is Marquee's own.
 */
@NullMarked
package app.marquee.sources.tracker;

import org.jspecify.annotations.NullMarked;
