package app.marquee.network.internal;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

/** Reads a network interface's state from the kernel: present, up, and its routable addresses. */
@Component
public class InterfaceProbe {

    /** What one look at an interface saw. */
    public record Reading(boolean present, boolean up, List<InetAddress> addresses) {
        static final Reading MISSING = new Reading(false, false, List.of());
    }

    public Reading read(String name) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic == null) {
                return Reading.MISSING;
            }
            List<InetAddress> addresses = Collections.list(nic.getInetAddresses()).stream()
                    .filter(a -> !a.isLinkLocalAddress())
                    .sorted(java.util.Comparator.comparing(InetAddress::getHostAddress))
                    .toList();
            return new Reading(true, nic.isUp(), addresses);
        } catch (SocketException e) {
            return Reading.MISSING;
        }
    }
}
