/** What indexer clients with several API mirrors share: one mirror's spacing, breaker and answer checks. */
@NullMarked
package app.marquee.sources.mirrors;

import org.jspecify.annotations.NullMarked;
