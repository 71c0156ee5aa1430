package app.marquee.sources.tracker;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import app.marquee.network.NetworkGate;
import app.marquee.network.NetworkGate.Purpose;
import app.marquee.network.VpnDownException;
import app.marquee.torrent.InfoHash;

/**
 * Asks a tracker how many seeders and leechers it knows for some torrents, over UDP (BEP 15) or HTTP(S)
 * (BEP 48), from the address {@link NetworkGate} gives indexer traffic.
 *
 * <p>Blocking I/O on the caller's thread (meant for virtual threads): a UDP tracker that does not answer costs
 * up to three tries of 3 s each per 74 hashes; an HTTP scrape up to 10 s per 50 hashes. Thread-safe; UDP
 * connection ids are shared between calls for the minute BEP 15 allows.
 */
@Component
public final class TrackerScraper {

    private final Supplier<Optional<InetAddress>> localAddress;
    private final Supplier<HttpClient> httpClient;
    private final UdpScrape udp;
    private final HttpScrape http;

    @Autowired
    TrackerScraper(NetworkGate gate, Clock clock) {
        this(ScrapeSettings.DEFAULT, () -> gate.localAddress(Purpose.INDEXER), () -> gate.httpClient(Purpose.INDEXER),
                clock);
    }

    /**
     * @param localAddress where UDP traffic leaves from (empty: any), asked before every scrape
     * @param httpClient the client of every HTTP scrape, asked before every scrape
     */
    TrackerScraper(ScrapeSettings settings, Supplier<Optional<InetAddress>> localAddress,
            Supplier<HttpClient> httpClient, Clock clock) {
        this.localAddress = localAddress;
        this.httpClient = httpClient;
        this.udp = new UdpScrape(settings, clock);
        this.http = new HttpScrape(settings);
    }

    /**
     * Scrapes one tracker.
     *
     * @param announceUrl {@code udp://host:port[/announce]}, or an {@code http(s)} announce URL whose last path
     *     segment starts with {@code announce}
     * @param hashes the torrents to ask about (duplicates are asked once); more than fit one request are split
     * @return the tracker's counts by info-hash, in the order asked. A hash an HTTP tracker does not know is
     *     absent; a UDP tracker cannot say it does not know one and answers zeros, which are reported as such
     * @throws TrackerException when the URL cannot be scraped, or the tracker does not answer in time, answers
     *     an error (its message included) or something else than a scrape answer
     * @throws VpnDownException when indexer traffic must go through the VPN and it is down: nothing is sent
     */
    public Map<InfoHash, ScrapeResult> scrape(String announceUrl, List<InfoHash> hashes) {
        URI announce = parse(announceUrl);
        String scheme = announce.getScheme() == null ? "" : announce.getScheme().toLowerCase(Locale.ROOT);
        List<InfoHash> distinct = List.copyOf(new LinkedHashSet<>(hashes));
        Map<InfoHash, ScrapeResult> results = switch (scheme) {
            case "udp" -> {
                UdpScrape.checkUrl(announce);
                yield distinct.isEmpty() ? Map.of() : udp.scrape(announce, localAddress.get().orElse(null), distinct);
            }
            case "http", "https" -> {
                HttpScrape.scrapeUri(announce);
                yield distinct.isEmpty() ? Map.of() : http.scrape(announce, httpClient.get(), distinct);
            }
            default -> throw new TrackerException("cannot scrape " + announceUrl
                    + ": only udp, http and https trackers can be scraped");
        };
        return Collections.unmodifiableMap(results);
    }

    private static URI parse(String announceUrl) {
        try {
            return new URI(announceUrl.strip());
        } catch (URISyntaxException e) {
            throw new TrackerException("cannot scrape '" + announceUrl + "': not a URL (" + e.getReason() + ")", e);
        }
    }
}
