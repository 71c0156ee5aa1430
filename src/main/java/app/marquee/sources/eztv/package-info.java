/**
 * The EZTV API: TV episode torrents by IMDb id, asked of a list of mirrors with failover. Its wire JSON never
 * leaves this package; {@link app.marquee.sources.eztv.EztvClient} answers in
 * {@link app.marquee.sources.eztv.EztvTorrent}s.
 */
@NullMarked
package app.marquee.sources.eztv;

import org.jspecify.annotations.NullMarked;
