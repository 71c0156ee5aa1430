package app.marquee.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import app.marquee.support.swarm.SwarmHost;

/**
 * A small network of the test's own, after notes/network.md: namespace "inet" stands for the internet reached
 * through the VPN (a veth pair whose host end is the VPN interface, 10.77.N.1/30 to 10.77.N.2/30), namespace
 * "home" for the home connection (10.78.N.1/30 to 10.78.N.2/30), with a worse route to the inet peer through
 * home. While the VPN link is up its connected route wins; once it is deleted, anything still sent to the peer
 * takes the home route and moves the home link's packet counter, so "nothing crossed the home link" is a
 * check that can fail.
 *
 * <p>Servers of the "internet" run inside the inet namespace on the peer address: {@link #startHttpServer}, or a
 * swarm started on {@link #inet()}. Needs root and iproute2; everything is removed in {@link #close()}, also after
 * a failure, and whatever still runs in the namespaces then is killed.
 */
public final class NetnsLab implements AutoCloseable {

    private final int n = ThreadLocalRandom.current().nextInt(10, 250);
    private final String id = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
    private final String inet = "mq-inet-" + id;
    private final String home = "mq-home-" + id;
    private final String vpnLink = "mqv" + id;
    private final String homeLink = "mqh" + id;
    private final List<Process> servers = new ArrayList<>();

    private NetnsLab() {
    }

    /** Builds the network; fails (CI) or skips (laptop) without root and {@code ip}. */
    public static NetnsLab create() {
        Required.require(isRoot() && (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))),
                "root and iproute2 (ip netns, veth)");
        NetnsLab lab = new NetnsLab();
        try {
            lab.run("ip", "netns", "add", lab.inet);
            lab.run("ip", "netns", "add", lab.home);
            lab.vpnUp();
            lab.run("ip", "link", "add", lab.homeLink, "type", "veth", "peer", "name", "mqhp" + lab.id);
            lab.run("ip", "link", "set", "mqhp" + lab.id, "netns", lab.home);
            lab.run("sysctl", "-q", "-w", "net.ipv6.conf." + lab.homeLink + ".disable_ipv6=1");
            lab.run("ip", "addr", "add", lab.homeAddress() + "/30", "dev", lab.homeLink);
            lab.run("ip", "link", "set", lab.homeLink, "up");
            lab.run("ip", "netns", "exec", lab.home, "ip", "addr", "add", "10.78." + lab.n + ".2/30", "dev", "mqhp" + lab.id);
            lab.run("ip", "netns", "exec", lab.home, "ip", "link", "set", "mqhp" + lab.id, "up");
            lab.run("ip", "route", "add", "10.77." + lab.n + ".0/30", "via", "10.78." + lab.n + ".2", "dev", lab.homeLink,
                    "metric", "500");
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** The VPN interface's name on the host. */
    public String vpnInterface() {
        return vpnLink;
    }

    /** The host's address on the VPN link. */
    public String vpnAddress() {
        return "10.77." + n + ".1";
    }

    /** The peer behind the VPN: where servers of the "internet" listen. */
    public String peerAddress() {
        return "10.77." + n + ".2";
    }

    /** Where a swarm's tracker and seeders run to be on the peer, behind the VPN: inside the inet namespace. */
    public SwarmHost inet() {
        return new SwarmHost(peerAddress(), List.of("ip", "netns", "exec", inet));
    }

    private String homeAddress() {
        return "10.78." + n + ".1";
    }

    /** (Re)creates the VPN link, as a VPN client does when it connects. */
    public void vpnUp() {
        run("ip", "link", "add", vpnLink, "type", "veth", "peer", "name", "mqvp" + id);
        run("ip", "link", "set", "mqvp" + id, "netns", inet);
        run("sysctl", "-q", "-w", "net.ipv6.conf." + vpnLink + ".disable_ipv6=1");
        run("ip", "addr", "add", vpnAddress() + "/30", "dev", vpnLink);
        run("ip", "link", "set", vpnLink, "up");
        run("ip", "netns", "exec", inet, "ip", "addr", "add", peerAddress() + "/30", "dev", "mqvp" + id);
        run("ip", "netns", "exec", inet, "ip", "link", "set", "mqvp" + id, "up");
        run("ip", "netns", "exec", inet, "ip", "link", "set", "lo", "up");
    }

    /** Deletes the VPN link (both ends), as a dropped VPN does. */
    public void vpnDown() {
        run("ip", "link", "del", vpnLink);
    }

    /** Packets the host has sent out of the home link so far. */
    public long homeTxPackets() {
        try {
            return Long.parseLong(Files.readString(Path.of("/sys/class/net/" + homeLink + "/statistics/tx_packets")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a plain HTTP server on the peer (inside the inet namespace), answering on {@code port}. */
    public void startHttpServer(int port) {
        startHttpServer(port, Path.of("").toAbsolutePath());
    }

    /**
     * Starts a static HTTP server on the peer (inside the inet namespace), answering on {@code port} with the
     * files under {@code directory} (the query string is ignored), and waits until it accepts connections.
     */
    public void startHttpServer(int port, Path directory) {
        try {
            Process server = new ProcessBuilder("ip", "netns", "exec", inet, "python3", "-m", "http.server",
                    "--bind", peerAddress(), "--directory", directory.toString(), Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            servers.add(server);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Process probe = new ProcessBuilder("ip", "netns", "exec", inet, "python3", "-c",
                        "import socket; socket.create_connection(('" + peerAddress() + "', " + port + "), 1)")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (probe.waitFor() == 0) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the HTTP server in " + inet + " did not start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        servers.forEach(Process::destroyForcibly);
        killEverythingIn(inet);
        killEverythingIn(home);
        quietly("ip", "link", "del", vpnLink);
        quietly("ip", "link", "del", homeLink);
        quietly("ip", "netns", "del", inet);
        quietly("ip", "netns", "del", home);
    }

    /** Kills what a test left running in one of the lab's namespaces (a tracker or seeder of a failed test). */
    private void killEverythingIn(String namespace) {
        try {
            Process pids = new ProcessBuilder("ip", "netns", "pids", namespace).redirectErrorStream(true).start();
            String output = new String(pids.getInputStream().readAllBytes());
            if (pids.waitFor() != 0) {
                return;
            }
            output.lines().map(String::strip).filter(line -> line.matches("\\d+"))
                    .map(Long::parseLong).map(ProcessHandle::of)
                    .forEach(process -> process.ifPresent(ProcessHandle::destroyForcibly));
        } catch (IOException e) {
            // best effort: nothing more to do while cleaning up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isRoot() {
        try {
            return "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
        } catch (IOException e) {
            return false;
        }
    }

    private void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void quietly(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            // best effort: nothing more to do while cleaning up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
