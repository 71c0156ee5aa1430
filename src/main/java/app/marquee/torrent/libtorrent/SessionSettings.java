package app.marquee.torrent.libtorrent;

import org.libtorrent4j.SettingsPack;
import org.libtorrent4j.swig.settings_pack.bool_types;
import org.libtorrent4j.swig.settings_pack.int_types;
import org.libtorrent4j.swig.settings_pack.string_types;

import app.marquee.torrent.InterfaceBinding;
import app.marquee.torrent.TorrentProperties;

/** The libtorrent settings Marquee runs with, from {@link TorrentProperties} (reasons: notes/engine.md). */
final class SessionSettings {

    /**
     * How long an outgoing uTP connect waits for the SYN-ACK before libtorrent marks the peer TCP-only and
     * retries over TCP (on the torrent's next one-second tick). Measured against a TCP-only seeder on loopback:
     * libtorrent's 3000 ms gives the uTP failure at 3.2 s, TCP at 4.2 s, the first piece at about 4.4 s; 500 ms
     * gives the failure at 0.7 s, TCP at 1.2 s, the first piece at 1.5 s (uTP off: 0.3 s). A uTP peer answers
     * within one round trip; one slower than this is still reached, over TCP. libtorrent looks at uTP timeouts on
     * its 500 ms tick, so the failure comes 500-1000 ms after the attempt. Re-adding the peer at once on the
     * failure (connect_peer) does not help: it only updates the peer's entry, which connects on the next round.
     * A peer the session already met as TCP-only is not tried over uTP again in a later torrent
     * ({@link TcpOnlyPeers}).
     */
    static final int UTP_CONNECT_TIMEOUT_MILLIS = 500;

    /**
     * Seconds before a disconnected peer may be tried again (libtorrent: 60, scaled by its failures). After a
     * session pause, or a VPN coming back, a minute without peers would stall every stream.
     */
    static final int MIN_RECONNECT_SECONDS = 2;

    private SessionSettings() {
    }

    static SettingsPack of(TorrentProperties properties, InterfaceBinding binding) {
        SettingsPack pack = new SettingsPack();
        binding(pack, binding, properties.listenPort());
        pack.setBoolean(bool_types.enable_dht.swigValue(), properties.dht());
        if (!properties.dht()) {
            // libtorrent4j fills in public bootstrap routers when this is unset
            pack.setString(string_types.dht_bootstrap_nodes.swigValue(), "");
        }
        pack.setBoolean(bool_types.enable_lsd.swigValue(), properties.lsd() && !binding.isBound());
        pack.setBoolean(bool_types.enable_upnp.swigValue(), properties.upnp() && !binding.isBound());
        pack.setBoolean(bool_types.enable_natpmp.swigValue(), properties.natpmp() && !binding.isBound());
        // sockets are reopened on purpose by bind(); a watcher that reopens them on any route change is not wanted
        pack.setBoolean(bool_types.enable_ip_notifier.swigValue(), false);
        pack.setBoolean(bool_types.enable_outgoing_utp.swigValue(), properties.utp());
        pack.setBoolean(bool_types.enable_incoming_utp.swigValue(), true);
        pack.setInteger(int_types.utp_connect_timeout.swigValue(), UTP_CONNECT_TIMEOUT_MILLIS);
        pack.setInteger(int_types.min_reconnect_time.swigValue(), MIN_RECONNECT_SECONDS);
        pack.setInteger(int_types.connections_limit.swigValue(), properties.maxConnections());
        // peers behind one NAT (or a single-host test swarm) share an address; libtorrent still refuses a
        // second connection to the same peer id
        pack.setBoolean(bool_types.allow_multiple_connections_per_ip.swigValue(), true);
        // a stream whose window is complete must keep its seeds for the next seek (pitfall 4)
        pack.setBoolean(bool_types.close_redundant_connections.swigValue(), false);
        pack.setInteger(int_types.alert_queue_size.swigValue(), 10_000);
        return pack;
    }

    /** Sets {@code listen_interfaces} and {@code outgoing_interfaces} together: announces go out per listen socket. */
    static SettingsPack binding(SettingsPack pack, InterfaceBinding binding, int port) {
        String device = binding.device();
        String listen = device == null
                ? "0.0.0.0:" + port + ",[::]:" + port
                : (device.contains(":") ? "[" + device + "]" : device) + ":" + port;
        pack.setString(string_types.listen_interfaces.swigValue(), listen);
        pack.setString(string_types.outgoing_interfaces.swigValue(), device == null ? "" : device);
        return pack;
    }
}
