/**
 * Network protection: VPN detection, binding torrent and indexer traffic to the VPN interface, and the
 * fail-closed kill switch; the {@code /api/status} report.
 */
@NullMarked
package app.marquee.network;

import org.jspecify.annotations.NullMarked;
