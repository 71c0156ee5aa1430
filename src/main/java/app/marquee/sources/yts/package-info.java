/**
 * The YTS v2 API: movie torrents by IMDb id, asked of a list of mirrors with failover. Its wire JSON never
 * leaves this package; {@link app.marquee.sources.yts.YtsClient} answers in {@link app.marquee.sources.yts.YtsTorrent}s.
 */
@NullMarked
package app.marquee.sources.yts;

import org.jspecify.annotations.NullMarked;
