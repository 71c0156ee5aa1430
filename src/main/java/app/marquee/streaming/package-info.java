/**
 * Playing a title: streaming keys, HTTP Range streaming of the chosen video from the swarm while it
 * downloads, download storage and its disk quota.
 */
@NullMarked
package app.marquee.streaming;

import org.jspecify.annotations.NullMarked;
