/** Trakt.tv: device-code linking, scrobbling through a durable outbox, watchlist import, watch progress. */
@NullMarked
package app.marquee.trakt;

import org.jspecify.annotations.NullMarked;
