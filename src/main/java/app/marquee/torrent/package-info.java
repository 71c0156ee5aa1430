/**
 * The BitTorrent engine: one libtorrent session behind Marquee's own narrow interface, with interface
 * binding, piece deadlines for streaming and fast resume. No libtorrent type leaves this module.
 */
@NullMarked
package app.marquee.torrent;

import org.jspecify.annotations.NullMarked;
