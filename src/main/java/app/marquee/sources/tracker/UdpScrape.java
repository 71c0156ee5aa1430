package app.marquee.sources.tracker;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.torrent.InfoHash;

/**
 * The UDP tracker protocol (BEP 15), scrape only: a connect exchange gives a connection id, which is reused
 * for a minute, then scrape requests of up to 74 info-hashes each. Every answer must carry the request's
 * transaction id; others are ignored as stale or forged.
 *
 * <p>Blocking, on the caller's thread. Thread-safe: each scrape has its own socket, only the connection ids
 * are shared.
 */
final class UdpScrape {

    private static final Logger log = LoggerFactory.getLogger(UdpScrape.class);

    /** The "magic constant" a connect request starts with. */
    static final long PROTOCOL_ID = 0x41727101980L;
    static final int CONNECT = 0;
    static final int SCRAPE = 2;
    static final int ERROR = 3;
    /** 74 hashes keep a scrape answer (8 + 12·74 bytes) within the packet size BEP 15 expects. */
    static final int MAX_HASHES_PER_PACKET = 74;
    /** A tracker accepts a connection id for a minute after it was given (BEP 15). */
    static final Duration CONNECTION_ID_LIFETIME = Duration.ofMinutes(1);

    private static final int MAX_ANSWER = 2048;

    private final ScrapeSettings settings;
    private final Clock clock;
    private final ConcurrentMap<Peer, ConnectionId> connectionIds = new ConcurrentHashMap<>();

    UdpScrape(ScrapeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Connection ids are given per source address: one from another local address is not ours to use. */
    private record Peer(@Nullable InetAddress local, InetSocketAddress tracker) {
    }

    private record ConnectionId(long id, Instant expires) {
    }

    /** @param local the address to send from; null for any */
    Map<InfoHash, ScrapeResult> scrape(URI tracker, @Nullable InetAddress local, List<InfoHash> hashes) {
        Peer peer = new Peer(local, resolve(tracker, local));
        try (DatagramChannel channel = DatagramChannel.open(peer.tracker().getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6)) {
            channel.bind(new InetSocketAddress(local, 0));
            channel.connect(peer.tracker());
            DatagramSocket socket = channel.socket();
            Map<InfoHash, ScrapeResult> results = new LinkedHashMap<>();
            for (int from = 0; from < hashes.size(); from += MAX_HASHES_PER_PACKET) {
                List<InfoHash> batch = hashes.subList(from, Math.min(hashes.size(), from + MAX_HASHES_PER_PACKET));
                results.putAll(scrapeWithRetries(tracker, peer, socket, batch));
            }
            return results;
        } catch (IOException e) {
            throw new TrackerException("cannot open a UDP socket for " + tracker + ": " + e.getMessage(), e);
        }
    }

    private Map<InfoHash, ScrapeResult> scrapeWithRetries(URI tracker, Peer peer, DatagramSocket socket,
            List<InfoHash> batch) {
        String failure = "";
        for (int attempt = 0; attempt <= settings.udpRetries(); attempt++) {
            try {
                return scrapeOnce(tracker, peer, socket, batch);
            } catch (TrackerException e) {
                // some trackers answer an error to an id they no longer accept: the next scrape connects again
                connectionIds.remove(peer);
                throw e;
            } catch (SocketTimeoutException e) {
                failure = "no answer within " + settings.udpTimeout().toMillis() + " ms";
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TrackerException("interrupted while scraping " + tracker, e);
                }
                // a port where nothing listens answers ICMP "port unreachable": reported here, fast
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            // the tracker may have forgotten the id (restarted, or our clock runs ahead of its): connect again
            connectionIds.remove(peer);
            log.debug("UDP scrape of {} failed (attempt {} of {}): {}", tracker, attempt + 1,
                    settings.udpRetries() + 1, failure);
        }
        throw new TrackerException(tracker + " did not answer the scrape after " + (settings.udpRetries() + 1)
                + " attempts: " + failure);
    }

    private Map<InfoHash, ScrapeResult> scrapeOnce(URI tracker, Peer peer, DatagramSocket socket,
            List<InfoHash> batch) throws IOException {
        long connectionId = connectionId(tracker, peer, socket);
        int transaction = ThreadLocalRandom.current().nextInt();
        ByteBuffer request = ByteBuffer.allocate(16 + 20 * batch.size())
                .putLong(connectionId).putInt(SCRAPE).putInt(transaction);
        batch.forEach(hash -> request.put(hash.bytes()));
        ByteBuffer answer = exchange(tracker, socket, request.array(), SCRAPE, transaction);
        Map<InfoHash, ScrapeResult> results = new LinkedHashMap<>();
        // BEP 15 orders each entry seeders, completed, leechers; a short answer covers the first hashes only
        for (int i = 0; i < batch.size() && answer.remaining() >= 12; i++) {
            int seeders = answer.getInt();
            int completed = answer.getInt();
            int leechers = answer.getInt();
            if (seeders < 0 || completed < 0 || leechers < 0) {
                throw new TrackerException(tracker + " answered negative counts for " + batch.get(i));
            }
            results.put(batch.get(i), new ScrapeResult(batch.get(i), seeders, leechers, completed));
        }
        return results;
    }

    private long connectionId(URI tracker, Peer peer, DatagramSocket socket) throws IOException {
        Instant now = clock.instant();
        ConnectionId cached = connectionIds.get(peer);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.id();
        }
        int transaction = ThreadLocalRandom.current().nextInt();
        byte[] request = ByteBuffer.allocate(16).putLong(PROTOCOL_ID).putInt(CONNECT).putInt(transaction).array();
        ByteBuffer answer = exchange(tracker, socket, request, CONNECT, transaction);
        if (answer.remaining() < 8) {
            throw new TrackerException(
                    tracker + " answered the connect request with " + answer.limit() + " bytes, not 16");
        }
        long id = answer.getLong();
        connectionIds.values().removeIf(old -> !now.isBefore(old.expires()));
        connectionIds.put(peer, new ConnectionId(id, now.plus(CONNECTION_ID_LIFETIME)));
        return id;
    }

    /**
     * Sends a request and waits for its answer, skipping packets of other transactions. Returns the answer
     * positioned after its 8-byte header.
     *
     * @throws SocketTimeoutException when no answer came within the timeout
     * @throws TrackerException when the tracker answered an error, or the transaction with another action
     */
    private ByteBuffer exchange(URI tracker, DatagramSocket socket, byte[] request, int action, int transaction)
            throws IOException {
        socket.send(new DatagramPacket(request, request.length));
        long deadline = System.nanoTime() + settings.udpTimeout().toNanos();
        byte[] buffer = new byte[MAX_ANSWER];
        while (true) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new SocketTimeoutException("no answer from " + tracker);
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            ByteBuffer answer = ByteBuffer.wrap(Arrays.copyOf(buffer, packet.getLength()));
            if (answer.remaining() < 8 || answer.getInt(4) != transaction) {
                log.debug("ignored a packet of {} bytes from {} that does not answer transaction {}",
                        answer.remaining(), tracker, transaction);
                continue;
            }
            int answered = answer.getInt();
            answer.getInt();
            if (answered == ERROR) {
                String message = StandardCharsets.UTF_8.decode(answer).toString().strip();
                throw new TrackerException(tracker + " answered an error: " + abbreviate(message));
            }
            if (answered != action) {
                throw new TrackerException(
                        tracker + " answered action " + answered + " to a request of action " + action);
            }
            return answer;
        }
    }

    /** @throws TrackerException when the URL has no host or no port */
    static void checkUrl(URI tracker) {
        if (tracker.getHost() == null || tracker.getPort() < 1) {
            throw new TrackerException("cannot scrape " + tracker + ": a UDP tracker URL needs a host and a port");
        }
    }

    /** The tracker's address, of the local address's family when traffic must leave from one. */
    private static InetSocketAddress resolve(URI tracker, @Nullable InetAddress local) {
        checkUrl(tracker);
        try {
            InetAddress[] addresses = InetAddress.getAllByName(tracker.getHost());
            if (local == null) {
                return new InetSocketAddress(addresses[0], tracker.getPort());
            }
            for (InetAddress address : addresses) {
                if (address.getClass() == local.getClass()) {
                    return new InetSocketAddress(address, tracker.getPort());
                }
            }
            throw new TrackerException("cannot scrape " + tracker + ": it has no address of the family of "
                    + local.getHostAddress() + ", which traffic must leave from");
        } catch (UnknownHostException e) {
            throw new TrackerException("cannot scrape " + tracker + ": unknown host " + tracker.getHost(), e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
