package app.marquee.torrent.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.marquee.network.NetworkGate;
import app.marquee.network.VpnProperties;
import app.marquee.network.VpnState;
import app.marquee.network.VpnStateChanged;
import app.marquee.torrent.InterfaceBinding;
import app.marquee.torrent.TorrentEngine;

/**
 * Keeps the torrent session inside the VPN. With a VPN interface configured, the session listens on and connects
 * from that interface only, from before its first connection (a missing interface means no connection at all,
 * never another way out). With the VPN required, the session is paused the moment the VPN goes down, and resumed
 * when it is back, unless something else paused it.
 */
@Component
class TorrentKillSwitch {

    private static final Logger log = LoggerFactory.getLogger(TorrentKillSwitch.class);

    private final TorrentEngine engine;
    private final VpnProperties vpn;
    private boolean pausedByUs;

    TorrentKillSwitch(TorrentEngine engine, VpnProperties vpn, NetworkGate gate) {
        this.engine = engine;
        this.vpn = vpn;
        if (vpn.interfaceName() != null) {
            engine.bind(InterfaceBinding.to(vpn.interfaceName()));
        }
        apply(gate.vpn());
    }

    @EventListener
    synchronized void on(VpnStateChanged change) {
        if (change.current().isUp() && vpn.interfaceName() != null) {
            // the VPN may have come back with another address: reopen the sockets on the interface
            engine.bind(InterfaceBinding.to(vpn.interfaceName()));
        }
        apply(change.current());
    }

    private synchronized void apply(VpnState state) {
        boolean down = vpn.required() && state.status() == VpnState.Status.DOWN;
        if (down && !engine.isPaused()) {
            engine.pause();
            pausedByUs = true;
            log.warn("torrent traffic stopped: {}", state.reason());
        } else if (!down && pausedByUs) {
            engine.resume();
            pausedByUs = false;
            log.info("torrent traffic resumed: the VPN is up");
        }
    }
}
