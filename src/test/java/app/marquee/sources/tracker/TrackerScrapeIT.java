package app.marquee.sources.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.marquee.MarqueeApplication;
import app.marquee.support.swarm.FreePorts;
import app.marquee.support.swarm.SwarmExtension;
import app.marquee.torrent.InfoHash;

/**
 * Scrapes of a real opentracker on 127.0.0.1 that an aria2c seeder announces to, over UDP and HTTP, from
 * 127.0.0.1 as the gate would bind it.
 */
class TrackerScrapeIT {

    @RegisterExtension
    static final SwarmExtension swarm = new SwarmExtension(1_000_000, "scraped.mp4", 64 * 1024, null);

    private static final InfoHash UNKNOWN = InfoHash.of("0123456789abcdef0123456789abcdef01234567");

    private final HttpClient loopbackClient = HttpClient.newBuilder()
            .localAddress(InetAddress.getLoopbackAddress()).connectTimeout(Duration.ofSeconds(2)).build();
    private final TrackerScraper scraper = new TrackerScraper(ScrapeSettings.DEFAULT,
            () -> Optional.of(InetAddress.getLoopbackAddress()), () -> loopbackClient, Clock.systemUTC());

    @TempDir
    Path dataDir;

    @AfterEach
    void closeClient() {
        loopbackClient.close();
    }

    @Test
    void overUdpTheSeederIsCountedAndAnUnknownHashIsAnsweredWithZeros() {
        InfoHash seeded = seeded();

        Map<InfoHash, ScrapeResult> results = scraper.scrape(swarm.swarm().tracker().udpAnnounceUrl(),
                List.of(seeded, UNKNOWN));

        assertThat(results.keySet()).containsExactly(seeded, UNKNOWN);
        assertThat(results.get(seeded).seeders()).isGreaterThanOrEqualTo(1);
        assertThat(results.get(UNKNOWN)).isEqualTo(new ScrapeResult(UNKNOWN, 0, 0, 0));
    }

    @Test
    void overHttpTheSeederIsCountedAndAnUnknownHashIsAbsentOrZero() {
        InfoHash seeded = seeded();

        Map<InfoHash, ScrapeResult> results = scraper.scrape(swarm.swarm().tracker().httpAnnounceUrl(),
                List.of(UNKNOWN, seeded));

        assertThat(results.get(seeded).seeders()).isGreaterThanOrEqualTo(1);
        assertThat(results.getOrDefault(UNKNOWN, new ScrapeResult(UNKNOWN, 0, 0, 0)))
                .isEqualTo(new ScrapeResult(UNKNOWN, 0, 0, 0));
    }

    @Test
    void aBatchOf100HashesOverUdpTakesTwoPacketsAndAnswersTheSeededOneInTheSecond() {
        List<InfoHash> hashes = new ArrayList<>(TrackerScraperTest.hashes(99));
        hashes.add(90, seeded()); // past the first packet's 74

        Map<InfoHash, ScrapeResult> results = scraper.scrape(swarm.swarm().tracker().udpAnnounceUrl(), hashes);

        assertThat(results).hasSize(100);
        assertThat(results.get(seeded()).seeders()).isGreaterThanOrEqualTo(1);
        assertThat(results.values()).filteredOn(result -> result.seeders() > 0).hasSize(1);
    }

    @Test
    void aUdpTrackerWhereNothingListensFailsAfterItsRetriesInBoundedTime() {
        String nowhere = "udp://127.0.0.1:" + FreePorts.tcpAndUdp() + "/announce";
        long started = System.nanoTime();

        assertThatThrownBy(() -> scraper.scrape(nowhere, List.of(seeded()))).isInstanceOf(TrackerException.class)
                .hasMessageStartingWith(nowhere + " did not answer the scrape after 3 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anHttpAnnounceUrlWithoutAnAnnounceSegmentCannotBeScraped() {
        String unscrapable = "http://127.0.0.1:" + swarm.swarm().tracker().port() + "/tracker";

        assertThatThrownBy(() -> scraper.scrape(unscrapable, List.of(seeded()))).isInstanceOf(TrackerException.class)
                .hasMessageContaining("has no scrape URL (BEP 48)");
    }

    @Test
    void theApplicationsScraperReachesTheTrackerThroughTheGate() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MarqueeApplication.class)
                .web(WebApplicationType.NONE).run("--marquee.data-dir=" + dataDir)) {
            TrackerScraper bean = context.getBean(TrackerScraper.class);

            assertThat(bean.scrape(swarm.swarm().tracker().udpAnnounceUrl(), List.of(seeded())).get(seeded()).seeders())
                    .isGreaterThanOrEqualTo(1);
            assertThat(bean.scrape(swarm.swarm().tracker().httpAnnounceUrl(), List.of(seeded())).get(seeded()).seeders())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private static InfoHash seeded() {
        return InfoHash.of(swarm.seeded().infoHash());
    }
}
