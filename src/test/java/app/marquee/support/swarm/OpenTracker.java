package app.marquee.support.swarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real opentracker, HTTP and UDP on one free port, on 127.0.0.1 or another {@link SwarmHost}.
 *
 * <p>Debian builds it with a whitelist: an info-hash not in the {@code -w} file (40 hex digits a line) is
 * refused ("Requested download is not authorized"). Started as root it chroots to {@code -d}, then drops to user
 * {@code nobody} (it refuses to keep running as root), so the whitelist is named relative to that directory,
 * and both must be readable by {@code nobody}. A SIGHUP makes it re-read the list ({@link #allow}).
 */
public final class OpenTracker implements AutoCloseable {

    private static final Pattern COMPLETE = Pattern.compile("8:completei(\\d+)e");
    private static final Pattern INCOMPLETE = Pattern.compile("10:incompletei(\\d+)e");

    private final SwarmHost host;
    private final int port;
    private final Path directory;
    private final Set<String> whitelist = new LinkedHashSet<>();
    private final ExternalProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OpenTracker(SwarmHost host, Path directory, int port) {
        this.host = host;
        this.directory = directory;
        this.port = port;
        writeWhitelist();
        this.process = ExternalProcess.start("opentracker", directory, host.command(List.of("opentracker",
                "-i", host.address(), "-p", Integer.toString(port), "-P", Integer.toString(port),
                "-d", directory.toString(), "-w", "whitelist")));
    }

    /** Starts a tracker on 127.0.0.1 working in (a new) {@code directory}, and waits until it answers. */
    public static OpenTracker start(Path directory) {
        return start(directory, SwarmHost.LOOPBACK);
    }

    /**
     * Starts a tracker on {@code host} working in (a new) {@code directory}, and waits until it answers (the test
     * must reach the host's address).
     */
    public static OpenTracker start(Path directory, SwarmHost host) {
        SwarmTools.require(SwarmTools.OPENTRACKER);
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
        OpenTracker tracker = new OpenTracker(host, directory, FreePorts.tcpAndUdp());
        tracker.awaitUp();
        return tracker;
    }

    public String httpAnnounceUrl() {
        return "http://" + host.address() + ":" + port + "/announce";
    }

    public String udpAnnounceUrl() {
        return "udp://" + host.address() + ":" + port + "/announce";
    }

    public int port() {
        return port;
    }

    /** Lets the tracker serve this info-hash (hex): re-reads its whitelist, and waits until it does. */
    public synchronized void allow(String infoHashHex) {
        if (!whitelist.add(infoHashHex.toLowerCase())) {
            return;
        }
        writeWhitelist();
        ExternalProcess.run(directory, List.of("kill", "-HUP", Long.toString(process.pid())));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        // an announce of a peer that leaves ("stopped") is answered without a failure once the hash is allowed
        while (get("/announce?info_hash=" + urlEncoded(infoHashHex)
                + "&peer_id=-MQ0000-whitelistchk&port=1&uploaded=0&downloaded=0&left=0&event=stopped")
                .contains("failure reason")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("opentracker did not reload its whitelist: " + process.output());
            }
            pause(20);
        }
    }

    /** Seeders the tracker knows for the info-hash, by HTTP scrape (BEP 48); -1 when it does not answer. */
    public int seeders(String infoHashHex) {
        return scrape(infoHashHex, COMPLETE);
    }

    /** Leechers the tracker knows for the info-hash, by HTTP scrape; -1 when it does not answer. */
    public int leechers(String infoHashHex) {
        return scrape(infoHashHex, INCOMPLETE);
    }

    private int scrape(String infoHashHex, Pattern count) {
        String body = get("/scrape?info_hash=" + urlEncoded(infoHashHex));
        if (body.isEmpty()) {
            return -1;
        }
        Matcher matcher = count.matcher(body);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** The body of a GET to the tracker as ISO-8859-1 text, empty when it does not answer. */
    private String get(String pathAndQuery) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://" + host.address() + ":" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new String(response.body(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String urlEncoded(String infoHashHex) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : HexFormat.of().parseHex(infoHashHex)) {
            encoded.append('%').append(HexFormat.of().toHexDigits(b));
        }
        return encoded.toString();
    }

    /** Waits until the tracker reports at least one seeder of the info-hash. */
    public void awaitSeeder(String infoHashHex, Duration timeout) {
        awaitSeeder(infoHashHex, timeout, () -> true);
    }

    /** As {@link #awaitSeeder(String, Duration)}, giving up early when {@code alive} says the seeder has died. */
    public void awaitSeeder(String infoHashHex, Duration timeout, java.util.function.BooleanSupplier alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seeders(infoHashHex) < 1) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the seeder of " + infoHashHex + " stopped before announcing");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no seeder announced " + infoHashHex + " to the tracker within "
                        + timeout + "; tracker output: " + process.output());
            }
            pause(50);
        }
    }

    private void awaitUp() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (seeders("0000000000000000000000000000000000000000") < 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("opentracker did not start: " + process.output());
            }
            pause(20);
        }
    }

    private void writeWhitelist() {
        try {
            Path file = directory.resolve("whitelist");
            Files.write(file, new ArrayList<>(whitelist));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tracker whitelist", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.close();
        http.close();
    }
}
