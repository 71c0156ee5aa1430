package app.marquee.sources.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.marquee.network.VpnDownException;
import app.marquee.support.MovableClock;
import app.marquee.torrent.InfoHash;

/** The scrape protocols against fake trackers on 127.0.0.1, for the branches a real tracker never takes. */
class TrackerScraperTest {

    private static final ScrapeSettings FAST = new ScrapeSettings(Duration.ofMillis(300), 2, Duration.ofSeconds(2));
    private static final InfoHash A = InfoHash.of("a".repeat(40));
    private static final InfoHash B = InfoHash.of("b".repeat(40));

    private final MovableClock clock = new MovableClock();
    private final HttpClient httpClient = HttpClient.newHttpClient();
    private final TrackerScraper scraper = new TrackerScraper(FAST,
            () -> Optional.of(InetAddress.getLoopbackAddress()), () -> httpClient, clock);

    @AfterEach
    void closeClient() {
        httpClient.close();
    }

    @Nested
    class OverUdp {

        @Test
        void countsAreReadInTheBep15OrderSeedersCompletedLeechers() throws Exception {
            try (FakeUdpTracker tracker = FakeUdpTracker.start(FakeUdpTracker.honest(77, 5, 9, 2))) {
                assertThat(scraper.scrape(tracker.url(), List.of(A, B))).containsExactly(
                        Map.entry(A, new ScrapeResult(A, 5, 2, 9)), Map.entry(B, new ScrapeResult(B, 5, 2, 9)));

                assertThat(tracker.requests(UdpScrape.CONNECT)).singleElement()
                        .satisfies(connect -> assertThat(connect.connectionId()).isEqualTo(0x41727101980L));
                assertThat(tracker.requests(UdpScrape.SCRAPE)).singleElement().satisfies(scrape -> {
                    assertThat(scrape.connectionId()).isEqualTo(77);
                    assertThat(scrape.hashes()).containsExactly(A, B);
                });
            }
        }

        @Test
        void theConnectionIdIsReusedForAMinuteThenAskedAgain() throws Exception {
            try (FakeUdpTracker tracker = FakeUdpTracker.start(FakeUdpTracker.honest(77, 1, 0, 0))) {
                scraper.scrape(tracker.url(), List.of(A));
                clock.advance(Duration.ofSeconds(59));
                scraper.scrape(tracker.url(), List.of(B));
                assertThat(tracker.requests(UdpScrape.CONNECT)).hasSize(1);

                clock.advance(Duration.ofSeconds(1));
                scraper.scrape(tracker.url(), List.of(A));
                assertThat(tracker.requests(UdpScrape.CONNECT)).hasSize(2);
                assertThat(tracker.requests(UdpScrape.SCRAPE)).hasSize(3);
            }
        }

        @Test
        void moreThan74HashesAreSplitIntoSeveralScrapesOfOneConnection() throws Exception {
            List<InfoHash> hashes = hashes(160);
            try (FakeUdpTracker tracker = FakeUdpTracker.start(FakeUdpTracker.honest(77, 1, 0, 0))) {
                Map<InfoHash, ScrapeResult> results = scraper.scrape(tracker.url(), hashes);

                assertThat(results.keySet()).containsExactlyElementsOf(hashes);
                assertThat(tracker.requests(UdpScrape.SCRAPE)).extracting(request -> request.hashes().size())
                        .containsExactly(74, 74, 12);
                assertThat(tracker.requests(UdpScrape.CONNECT)).hasSize(1);
            }
        }

        @Test
        void anAnswerToAnotherTransactionIsIgnoredAndTheRightOneTaken() throws Exception {
            FakeUdpTracker.Behaviour honest = FakeUdpTracker.honest(77, 3, 0, 1);
            try (FakeUdpTracker tracker = FakeUdpTracker.start(request -> {
                List<byte[]> answers = new ArrayList<>();
                // a late answer to an earlier request (or a forged one) first: it must not be taken for ours
                answers.add(request.action() == UdpScrape.CONNECT
                        ? FakeUdpTracker.connectAnswer(request.transaction() + 1, 666)
                        : FakeUdpTracker.scrapeAnswer(request.transaction() + 1, request.hashes().size(), 999, 999, 999));
                answers.add(new byte[] {1, 2, 3});
                answers.addAll(honest.answer(request));
                return answers;
            })) {
                assertThat(scraper.scrape(tracker.url(), List.of(A))).containsExactly(Map.entry(A, new ScrapeResult(A, 3, 1, 0)));
                assertThat(tracker.requests(UdpScrape.SCRAPE)).singleElement()
                        .satisfies(scrape -> assertThat(scrape.connectionId()).isEqualTo(77));
            }
        }

        @Test
        void anErrorAnswerIsThrownWithTheTrackersMessageAndNotRetried() throws Exception {
            String refusal = "Requested download is not authorized for use with this tracker.";
            try (FakeUdpTracker tracker = FakeUdpTracker.start(request -> request.action() == UdpScrape.CONNECT
                    ? List.of(FakeUdpTracker.connectAnswer(request.transaction(), 77))
                    : List.of(FakeUdpTracker.errorAnswer(request.transaction(), refusal)))) {
                assertThatThrownBy(() -> scraper.scrape(tracker.url(), List.of(A))).isInstanceOf(TrackerException.class)
                        .hasMessage(tracker.url() + " answered an error: " + refusal);
                assertThat(tracker.requests(UdpScrape.SCRAPE)).hasSize(1);
            }
        }

        @Test
        void aConnectionIdTheTrackerRefusesIsForgottenSoTheNextScrapeConnectsAgain() throws Exception {
            AtomicBoolean restarted = new AtomicBoolean();
            try (FakeUdpTracker tracker = FakeUdpTracker.start(
                    request -> FakeUdpTracker.honest(restarted.get() ? 88 : 77, 1, 0, 0).answer(request))) {
                scraper.scrape(tracker.url(), List.of(A));
                restarted.set(true);

                assertThatThrownBy(() -> scraper.scrape(tracker.url(), List.of(A))).isInstanceOf(TrackerException.class)
                        .hasMessageEndingWith("answered an error: Connection ID missmatch.");
                assertThat(scraper.scrape(tracker.url(), List.of(A))).containsKey(A);
                assertThat(tracker.requests(UdpScrape.CONNECT)).hasSize(2);
            }
        }

        @Test
        void aSilentTrackerIsAskedThreeTimesThenReportedWithinTheTimeouts() throws Exception {
            try (FakeUdpTracker tracker = FakeUdpTracker.start(request -> List.of())) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> scraper.scrape(tracker.url(), List.of(A))).isInstanceOf(TrackerException.class)
                        .hasMessage(tracker.url() + " did not answer the scrape after 3 attempts: no answer within 300 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isBetween(Duration.ofMillis(850), Duration.ofSeconds(3));
                assertThat(tracker.requests(UdpScrape.CONNECT)).hasSize(3);
            }
        }

        @Test
        void aTrackerThatAnswersOnlyTheRetryIsStillScraped() throws Exception {
            List<Integer> seen = new CopyOnWriteArrayList<>();
            FakeUdpTracker.Behaviour honest = FakeUdpTracker.honest(77, 2, 0, 0);
            try (FakeUdpTracker tracker = FakeUdpTracker.start(request -> {
                seen.add(request.action());
                return seen.size() == 2 ? List.of() : honest.answer(request); // the first scrape packet is "lost"
            })) {
                assertThat(scraper.scrape(tracker.url(), List.of(A))).containsEntry(A, new ScrapeResult(A, 2, 0, 0));
                assertThat(tracker.requests(UdpScrape.SCRAPE)).hasSize(2);
                List<FakeUdpTracker.Request> scrapes = tracker.requests(UdpScrape.SCRAPE);
                assertThat(scrapes.get(0).transaction()).as("each try is a new transaction")
                        .isNotEqualTo(scrapes.get(1).transaction());
            }
        }

        @Test
        void trafficLeavesFromTheGatesAddress() throws Exception {
            try (FakeUdpTracker tracker = FakeUdpTracker.start(FakeUdpTracker.honest(77, 1, 0, 0))) {
                scraper.scrape(tracker.url(), List.of(A));

                assertThat(tracker.requests()).extracting(request -> ((InetSocketAddress) request.from()).getAddress())
                        .containsOnly(InetAddress.getLoopbackAddress());
            }
        }
    }

    @Nested
    class OverHttp {

        private final List<URI> asked = new CopyOnWriteArrayList<>();

        @Test
        void theFilesDictionaryGivesTheCountsAndUnknownHashesAreAbsent() throws Exception {
            byte[] answer = concat("d5:filesd20:", A.bytes(), "d8:completei4e10:downloadedi12e10:incompletei3ee"
                    + "20:", InfoHash.of("c".repeat(40)).bytes(), "d8:completei1eeee");
            try (Server server = Server.answering(200, answer, asked)) {
                Map<InfoHash, ScrapeResult> results = scraper.scrape(server.url("/announce.php?passkey=abc"), List.of(A, B, A));

                assertThat(results).containsExactly(Map.entry(A, new ScrapeResult(A, 4, 3, 12)));
                assertThat(asked).singleElement().hasToString(server.url("/scrape.php?passkey=abc&info_hash=" + "%AA".repeat(20)
                        + "&info_hash=" + "%BB".repeat(20)));
            }
        }

        @Test
        void aFailureReasonIsThrownWithTheTrackersMessage() throws Exception {
            byte[] refusal = "d14:failure reason20:unregistered torrente".getBytes(StandardCharsets.UTF_8);
            try (Server server = Server.answering(200, refusal, asked)) {
                assertThatThrownBy(() -> scraper.scrape(server.url("/announce"), List.of(A))).isInstanceOf(TrackerException.class)
                        .hasMessage(server.url("/announce") + " refused the scrape: unregistered torrent");
            }
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
            200 | <html>scrape</html>          | answered the scrape with malformed bencode: unexpected byte 0x3c at byte 0
            200 | d5:filesd                    | answered the scrape with malformed bencode: unexpected end at byte 9
            200 | d8:intervali1800ee           | answered the scrape without a 'files' dictionary
            404 | d5:filesdee                  | answered the scrape with HTTP 404
            """)
        void anAnswerThatIsNotAScrapeIsReported(int status, String body, String message) throws Exception {
            try (Server server = Server.answering(status, body.getBytes(StandardCharsets.UTF_8), asked)) {
                assertThatThrownBy(() -> scraper.scrape(server.url("/announce"), List.of(A))).isInstanceOf(TrackerException.class)
                        .hasMessage(server.url("/announce") + " " + message);
            }
        }

        @Test
        void moreThan50HashesAreAskedInSeveralRequests() throws Exception {
            try (Server server = Server.answering(200, "d5:filesdee".getBytes(StandardCharsets.UTF_8), asked)) {
                assertThat(scraper.scrape(server.url("/announce"), hashes(120))).isEmpty();

                assertThat(asked).extracting(uri -> uri.getRawQuery().split("&").length).containsExactly(50, 50, 20);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        http://t.example/announce              | http://t.example/scrape
        https://t.example:8443/x/announce.php  | https://t.example:8443/x/scrape.php
        http://t.example/announce?passkey=a%20b | http://t.example/scrape?passkey=a%20b
        http://t.example/p%2Fq/announce         | http://t.example/p%2Fq/scrape
        """)
    void theScrapeUrlReplacesAnnounceInTheLastPathSegment(String announce, String scrape) {
        assertThat(HttpScrape.scrapeUri(URI.create(announce))).hasToString(scrape);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        http://t.example/a                 | cannot scrape http://t.example/a: the last segment of its path does not start with 'announce', so it has no scrape URL (BEP 48)
        http://t.example/announce/x        | cannot scrape http://t.example/announce/x: the last segment of its path does not start with 'announce', so it has no scrape URL (BEP 48)
        http://t.example                   | cannot scrape http://t.example: the last segment of its path does not start with 'announce', so it has no scrape URL (BEP 48)
        wss://t.example/announce           | cannot scrape wss://t.example/announce: only udp, http and https trackers can be scraped
        udp://t.example/announce           | cannot scrape udp://t.example/announce: a UDP tracker URL needs a host and a port
        udp tracker                        | cannot scrape 'udp tracker': not a URL (Illegal character in path)
        """)
    void aUrlThatCannotBeScrapedIsRefusedBeforeAnythingIsSent(String url, String message) {
        assertThatThrownBy(() -> scraper.scrape(url, List.of(A))).isInstanceOf(TrackerException.class).hasMessage(message);
        assertThatThrownBy(() -> scraper.scrape(url, List.of())).isInstanceOf(TrackerException.class).hasMessage(message);
    }

    @Test
    void whileTheVpnIsDownNothingIsSentAndTheGatesRefusalPropagates() throws Exception {
        TrackerScraper gated = new TrackerScraper(FAST, () -> {
            throw new VpnDownException("wg0 is gone");
        }, () -> {
            throw new VpnDownException("wg0 is gone");
        }, clock);
        try (FakeUdpTracker tracker = FakeUdpTracker.start(FakeUdpTracker.honest(77, 1, 0, 0));
                Server server = Server.answering(200, "d5:filesdee".getBytes(StandardCharsets.UTF_8), new ArrayList<>())) {
            assertThatThrownBy(() -> gated.scrape(tracker.url(), List.of(A))).isInstanceOf(VpnDownException.class);
            assertThatThrownBy(() -> gated.scrape(server.url("/announce"), List.of(A))).isInstanceOf(VpnDownException.class);
            Thread.sleep(100);
            assertThat(tracker.requests()).isEmpty();
        }
    }

    @Test
    void askingAboutNothingSendsNothing() throws Exception {
        try (FakeUdpTracker tracker = FakeUdpTracker.start(FakeUdpTracker.honest(77, 1, 0, 0))) {
            assertThat(scraper.scrape(tracker.url(), List.of())).isEmpty();
            assertThat(tracker.requests()).isEmpty();
        }
    }

    static List<InfoHash> hashes(int count) {
        return IntStream.range(0, count).mapToObj(i -> InfoHash.of("%040x".formatted(i + 1))).toList();
    }

    private static byte[] concat(Object... parts) {
        ByteBuffer bytes = ByteBuffer.allocate(4096);
        for (Object part : parts) {
            bytes.put(part instanceof byte[] raw ? raw : ((String) part).getBytes(StandardCharsets.ISO_8859_1));
        }
        return java.util.Arrays.copyOf(bytes.array(), bytes.position());
    }

    /** An HTTP tracker that answers every request the same, keeping the URIs asked. */
    private record Server(HttpServer server) implements AutoCloseable {

        static Server answering(int status, byte[] body, List<URI> asked) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/", exchange -> {
                    asked.add(URI.create("http://127.0.0.1:" + exchange.getLocalAddress().getPort()
                            + exchange.getRequestURI().toString()));
                    exchange.sendResponseHeaders(status, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                return new Server(server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
