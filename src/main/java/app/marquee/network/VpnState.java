package app.marquee.network;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What Marquee knows of the VPN at one moment.
 *
 * @param status DISABLED when no VPN interface is configured; else UP or DOWN
 * @param interfaceName the configured interface, or null
 * @param addresses the interface's addresses while it is up
 * @param since when this status began
 * @param reason why it is DOWN (the interface is missing, down, has no address, or a public-IP check saw the
 *     home IP); null otherwise
 */
public record VpnState(Status status, @Nullable String interfaceName, List<InetAddress> addresses, Instant since,
        @Nullable String reason) {

    public enum Status {
        DISABLED, UP, DOWN
    }

    public VpnState {
        addresses = List.copyOf(addresses);
    }

    public boolean isUp() {
        return status == Status.UP;
    }

    public boolean isDisabled() {
        return status == Status.DISABLED;
    }

    /**
     * The address to bind outgoing traffic to: the first IPv4 address, else the first one. Most VPN peers and
     * trackers are reached over IPv4, and a socket bound to an IPv6 address cannot reach an IPv4 one.
     */
    public static java.util.Optional<InetAddress> preferred(List<InetAddress> addresses) {
        return addresses.stream().filter(a -> a instanceof java.net.Inet4Address).findFirst()
                .or(() -> addresses.stream().findFirst());
    }

    /** True when this differs from {@code other} in what matters to a listener: the status or the addresses. */
    public boolean differsFrom(VpnState other) {
        return status != other.status || !addresses.equals(other.addresses);
    }
}
