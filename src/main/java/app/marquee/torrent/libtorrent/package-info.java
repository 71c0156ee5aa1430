/**
 * The {@link app.marquee.torrent.TorrentEngine} on libtorrent 2.0.6 through libtorrent4j. No type of this package
 * or of libtorrent4j is part of the module's API.
 */
@NullMarked
package app.marquee.torrent.libtorrent;

import org.jspecify.annotations.NullMarked;
