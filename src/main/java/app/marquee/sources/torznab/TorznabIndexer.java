package app.marquee.sources.torznab;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.network.NetworkGate;
import app.marquee.network.VpnDownException;
import app.marquee.platform.ServiceMetrics;
import app.marquee.platform.ServiceStatus;
import app.marquee.sources.IndexersProperties;
import app.marquee.sources.mirrors.ApiMirror;
import app.marquee.sources.mirrors.ApiMirrors;
import app.marquee.sources.mirrors.MirrorHealth;

/**
 * One Torznab endpoint of {@code marquee.indexers.torznab}, asked as an indexer API with one mirror
 * ({@link ApiMirrors}): the spacing of requests to it, their timeout and a circuit breaker that fails searches at
 * once for {@code cooldown} after it failed. Thread-safe; callers block (on virtual threads) while the spacing
 * holds them back.
 *
 * <p>The breaker counts the last two requests and opens when all of them failed, as YTS mirrors do: a fresh
 * endpoint is dropped on its first failure. Once the cooldown (injected clock) has passed, one request probes it.
 * Its API key is sent on every request and appears in no log line, exception or status message.
 */
public final class TorznabIndexer {

    private static final Logger log = LoggerFactory.getLogger(TorznabIndexer.class);
    private static final Pattern IMDB_ID = Pattern.compile("tt(\\d{7,10})");
    /** Newznab's Movies category; its subcategories (2040 HD...) are inside it. */
    private static final String MOVIES = "2000";
    /** Newznab's TV category. */
    private static final String TV = "5000";

    private final String name;
    private final String service;
    private final URI url;
    private final TorznabProtocol protocol;
    private final ApiMirrors<byte[]> endpoint;
    /** The endpoint's caps, read on the first TV search (and again after a reset). */
    private volatile @Nullable TorznabCaps caps;

    TorznabIndexer(IndexersProperties.Torznab settings, NetworkGate gate, ServiceMetrics metrics, Clock clock) {
        this.name = settings.name();
        this.service = "torznab-" + name;
        this.url = settings.url();
        this.protocol = new TorznabProtocol(
                settings.apiKey() == null || settings.apiKey().isBlank() ? null : settings.apiKey());
        this.endpoint = new ApiMirrors<>(List.of(url), new ApiMirror.Settings(service, "Torznab", settings.timeout(),
                settings.minInterval(), settings.cooldown()), protocol, gate, metrics, clock);
    }

    /** The configured name. */
    public String name() {
        return name;
    }

    /**
     * The releases this endpoint lists for the movie with this IMDb id: {@code t=movie&imdbid=} in the Movies
     * category (2000), with extended attributes. Releases with neither an info-hash nor a magnet link, and
     * releases the indexer tags with another IMDb id, are left out. Empty when it knows none.
     *
     * @param imdbId an IMDb title id such as {@code tt0111161}
     * @throws IllegalArgumentException when {@code imdbId} is not an IMDb title id
     * @throws TorznabException when the endpoint failed, or is cooling down after failing
     * @throws VpnDownException when indexer traffic must go through the VPN and it is down
     */
    public List<TorznabResult> searchMovie(String imdbId) {
        var id = IMDB_ID.matcher(imdbId);
        if (!id.matches()) {
            throw new IllegalArgumentException("not an IMDb title id: " + imdbId);
        }
        // Newznab's movie search takes the IMDb id without its "tt" (newznab API, "movie-search"; Torznab keeps it)
        String digits = id.group(1);
        String query = "t=movie&imdbid=" + digits + "&cat=" + MOVIES + "&extended=1";
        return search(query, imdbId, digits);
    }

    /**
     * The releases this endpoint lists for an episode: {@code t=tvsearch} in the TV category (5000) by the
     * show's IMDb id, else its TVDB id, else its name, whichever the endpoint's caps say it takes, with
     * {@code season} and {@code ep} (in the text query as {@code S01E02} when it takes neither). With
     * {@code episode} null, the whole season (where packs are found). The caller checks each release's name.
     *
     * @throws TorznabException when the endpoint failed, or is cooling down after failing
     * @throws VpnDownException when indexer traffic must go through the VPN and it is down
     */
    public List<TorznabResult> searchEpisode(@Nullable String imdbId, @Nullable Integer tvdbId, String showName,
            int season, @Nullable Integer episode) {
        TorznabCaps can = caps();
        StringBuilder query = new StringBuilder("t=tvsearch&cat=" + TV + "&extended=1");
        String imdbDigits = null;
        var imdb = imdbId == null ? null : IMDB_ID.matcher(imdbId);
        if (imdb != null && imdb.matches() && can.tv("imdbid")) {
            imdbDigits = imdb.group(1);
            query.append("&imdbid=").append(imdbDigits);
        } else if (tvdbId != null && can.tv("tvdbid")) {
            query.append("&tvdbid=").append(tvdbId);
        } else {
            String text = showName + (can.tv("season") ? "" : " S%02d".formatted(season))
                    + (can.tv("ep") || episode == null ? "" : "E%02d".formatted(episode));
            query.append("&q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
        if (can.tv("season")) {
            query.append("&season=").append(season);
            if (episode != null && can.tv("ep")) {
                query.append("&ep=").append(episode);
            }
        }
        String what = "%s S%02d%s".formatted(showName, season, episode == null ? "" : "E%02d".formatted(episode));
        return search(query.toString(), what, imdbDigits);
    }

    /** The endpoint's caps; the spec's basics when they cannot be read (the search itself will tell if it is down). */
    TorznabCaps caps() {
        TorznabCaps known = caps;
        if (known != null) {
            return known;
        }
        try {
            known = request("t=caps", "caps", TorznabXml::caps);
        } catch (TorznabException e) {
            log.info("Torznab indexer {}: caps unreadable, assuming the basics: {}", name, e.getMessage());
            return TorznabCaps.BASIC;
        }
        caps = known;
        return known;
    }

    /** How it is doing, under {@code torznab-<name>}: down while cooling down after a failure. */
    ServiceStatus status() {
        MirrorHealth health = endpoint.health().getFirst();
        return switch (health.state()) {
            case COOLING_DOWN -> new ServiceStatus(ServiceStatus.State.DOWN, null, "failed: " + health.lastError());
            case PROBING -> new ServiceStatus(ServiceStatus.State.DEGRADED, null,
                    "being probed after: " + health.lastError());
            case AVAILABLE -> ServiceStatus.running();
        };
    }

    String service() {
        return service;
    }

    /** Forgets past failures: the endpoint is asked again at once. */
    void reset() {
        endpoint.reset();
        caps = null;
    }

    /** The results of a search; an error element or a body that is not RSS is a failure of the endpoint. */
    private List<TorznabResult> search(String query, String what, @Nullable String imdbDigits) {
        return request(query, what, body -> TorznabXml.results(name, body, imdbDigits));
    }

    /**
     * One request as every indexer's is made (the endpoint's spacing, timeout and breaker), its answer read by
     * {@code read}; a body {@code read} finds invalid is a failure of the endpoint like an error status.
     */
    private <T> T request(String query, String what, Function<byte[], T> read) {
        try {
            return endpoint.get(query, what, response -> {
                try {
                    return read.apply(response.body());
                } catch (TorznabXml.Invalid e) {
                    throw new ApiMirror.Failure(e.getMessage());
                }
            });
        } catch (ApiMirrors.Unavailable e) {
            String reason = e.failures().values().iterator().next(); // the one endpoint's
            log.warn("Torznab indexer {} gave no answer to {} ({}): {}", name, what, protocol.masked(url, query),
                    reason);
            throw new TorznabException(name, reason);
        }
    }
}
