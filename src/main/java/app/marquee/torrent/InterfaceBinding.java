package app.marquee.torrent;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where the session's peer traffic may go: all interfaces, or only one network device or local address, used
 * both to listen ({@code listen_interfaces}) and to connect out ({@code outgoing_interfaces}), so tracker
 * announces and peer connections alike never leave through another interface. Binding to a device that does
 * not exist fails closed: nothing connects.
 *
 * @param device a device name ({@code tun0}, {@code wg0}, {@code lo}) or a local IP address; null for all
 */
public record InterfaceBinding(@Nullable String device) {

    public InterfaceBinding {
        if (device != null && (device.isBlank() || device.contains(",") || device.contains(" "))) {
            throw new IllegalArgumentException("an interface is one device name or address, not '" + device + "'");
        }
    }

    /** Listen on, and connect from, every interface. */
    public static InterfaceBinding any() {
        return new InterfaceBinding(null);
    }

    /** Only this device or local address. */
    public static InterfaceBinding to(String device) {
        return new InterfaceBinding(Objects.requireNonNull(device, "device"));
    }

    public boolean isBound() {
        return device != null;
    }
}
