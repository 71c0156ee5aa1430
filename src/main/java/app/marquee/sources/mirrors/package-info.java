/**
 * How every indexer's HTTP request is made, timed and classified: one endpoint's spacing, breaker and answer
 * checks ({@link app.marquee.sources.mirrors.ApiMirror}), an API's mirrors asked with failover (YTS, EZTV; a
 * Torznab endpoint is one mirror), and what the clients of JSON APIs with mirrors share.
 */
@NullMarked
package app.marquee.sources.mirrors;

import org.jspecify.annotations.NullMarked;
