package app.marquee.sources.tracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import app.marquee.torrent.InfoHash;

/**
 * A UDP tracker on 127.0.0.1 written for tests: a thread answers each request as the test's {@link Behaviour}
 * says, and every request is kept for the test to look at.
 */
final class FakeUdpTracker implements AutoCloseable {

    /** What to send back for one request (possibly nothing, possibly several packets). */
    @FunctionalInterface
    interface Behaviour {
        List<byte[]> answer(Request request);
    }

    /** A request as the tracker read it. */
    record Request(long connectionId, int action, int transaction, List<InfoHash> hashes, SocketAddress from) {
    }

    private final DatagramSocket socket;
    private final Behaviour behaviour;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private FakeUdpTracker(Behaviour behaviour) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.behaviour = behaviour;
        this.thread = Thread.ofPlatform().daemon().name("fake-udp-tracker").start(this::serve);
    }

    static FakeUdpTracker start(Behaviour behaviour) {
        try {
            return new FakeUdpTracker(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tracker that follows BEP 15, giving this connection id and these counts to every hash. */
    static Behaviour honest(long connectionId, int seeders, int completed, int leechers) {
        return request -> switch (request.action()) {
            case UdpScrape.CONNECT -> List.of(connectAnswer(request.transaction(), connectionId));
            case UdpScrape.SCRAPE -> request.connectionId() == connectionId
                    ? List.of(scrapeAnswer(request.transaction(), request.hashes().size(), seeders, completed, leechers))
                    : List.of(errorAnswer(request.transaction(), "Connection ID missmatch."));
            default -> List.of();
        };
    }

    static byte[] connectAnswer(int transaction, long connectionId) {
        return ByteBuffer.allocate(16).putInt(UdpScrape.CONNECT).putInt(transaction).putLong(connectionId).array();
    }

    static byte[] scrapeAnswer(int transaction, int hashes, int seeders, int completed, int leechers) {
        ByteBuffer answer = ByteBuffer.allocate(8 + 12 * hashes).putInt(UdpScrape.SCRAPE).putInt(transaction);
        for (int i = 0; i < hashes; i++) {
            answer.putInt(seeders).putInt(completed).putInt(leechers);
        }
        return answer.array();
    }

    static byte[] errorAnswer(int transaction, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + text.length).putInt(UdpScrape.ERROR).putInt(transaction).put(text).array();
    }

    String url() {
        return "udp://127.0.0.1:" + socket.getLocalPort() + "/announce";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(int action) {
        return requests.stream().filter(request -> request.action() == action).toList();
    }

    private void serve() {
        byte[] buffer = new byte[65_536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Request request = read(ByteBuffer.wrap(Arrays.copyOf(buffer, packet.getLength())), packet.getSocketAddress());
                requests.add(request);
                for (byte[] answer : behaviour.answer(request)) {
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static Request read(ByteBuffer packet, SocketAddress from) {
        long connectionId = packet.getLong();
        int action = packet.getInt();
        int transaction = packet.getInt();
        List<InfoHash> hashes = new ArrayList<>();
        while (packet.remaining() >= 20) {
            byte[] hash = new byte[20];
            packet.get(hash);
            hashes.add(InfoHash.of(hash));
        }
        return new Request(connectionId, action, transaction, hashes, from);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2_000);
    }
}
