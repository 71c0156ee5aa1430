package app.marquee.network;

/**
 * Published (as a Spring application event) whenever the VPN goes up or down or changes address. Listeners
 * must be quick: the torrent session pauses or rebinds, source tasks pause, open streams end.
 */
public record VpnStateChanged(VpnState previous, VpnState current) {
}
