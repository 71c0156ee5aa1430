package app.marquee.network;

import app.marquee.network.internal.VpnMonitor;

/** Lets tests of other packages build a {@link NetworkGate} without a Spring context. */
public final class NetworkGateAccess {

    private NetworkGateAccess() {
    }

    public static NetworkGate gate(VpnMonitor monitor, VpnProperties properties) {
        return new NetworkGate(monitor, properties);
    }
}
