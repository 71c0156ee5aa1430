/**
 * The background tasks that keep the catalog and its sources fresh: their schedule, one-node-at-a-time
 * locking, the state each task leaves behind (SyncState), and {@code /api/stats}.
 */
@NullMarked
package app.marquee.sync;

import org.jspecify.annotations.NullMarked;
