/**
 * Torznab indexers (Prowlarr, Jackett and other endpoints of {@code marquee.indexers.torznab}): movie search by
 * IMDb id, each endpoint on its own. The wire XML never leaves this package;
 * {@link app.marquee.sources.torznab.TorznabClient} answers in {@link app.marquee.sources.torznab.TorznabResult}s.
 */
@NullMarked
package app.marquee.sources.torznab;

import org.jspecify.annotations.NullMarked;
