package app.marquee.support.swarm;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the swarm's tracker and seeders run and are reached: the address they listen on and announce, and the
 * prefix their commands run under ({@code ip netns exec <ns>} to run them in a network namespace of the test's
 * own, see {@code NetnsLab}).
 *
 * @param address the IPv4 address the processes bind to, and that the test and Marquee connect to
 * @param commandPrefix prepended to every command; empty to run it on the host as it is
 */
public record SwarmHost(String address, List<String> commandPrefix) {

    /** On the host, on 127.0.0.1: the loopback swarm of most tests. */
    public static final SwarmHost LOOPBACK = new SwarmHost("127.0.0.1", List.of());

    public SwarmHost {
        commandPrefix = List.copyOf(commandPrefix);
    }

    /** The command as it is run here. */
    List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(commandPrefix);
        full.addAll(command);
        return full;
    }
}
