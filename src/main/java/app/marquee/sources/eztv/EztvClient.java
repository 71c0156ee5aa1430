package app.marquee.sources.eztv;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import app.marquee.network.NetworkGate;
import app.marquee.network.VpnDownException;
import app.marquee.platform.ServiceMetrics;
import app.marquee.sources.mirrors.ApiMirror;
import app.marquee.sources.mirrors.MirroredJsonClient;
import app.marquee.sources.IndexersProperties;
import app.marquee.torrent.InfoHash;

/**
 * TV episode torrents from the EZTV API ({@code get-torrents}), asked of the mirrors of
 * {@code marquee.indexers.eztv.mirrors} with failover. Thread-safe; callers block (on virtual threads) while a
 * mirror's request spacing holds them back.
 *
 * <p>Each request asks the mirror that answered last, then the others in configured order, skipping those
 * cooling down after a failure. A mirror fails when it times out, cannot be reached, answers 429, 5xx or
 * another 4xx, or answers 200 with something other than the EZTV JSON (dead mirrors serve parking pages). All
 * traffic goes through {@link NetworkGate} as {@link NetworkGate.Purpose#INDEXER} traffic.
 */
@Component
public final class EztvClient extends MirroredJsonClient {

    static final String SERVICE = "eztv";
    /** EZTV's largest page. */
    static final int PAGE_SIZE = 100;
    /** A bound on one search: a long-running daily show can list thousands of torrents, the newest first. */
    static final int MAX_PAGES = 10;
    private static final Logger log = LoggerFactory.getLogger(EztvClient.class);
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{7,10}");

    EztvClient(IndexersProperties properties, NetworkGate gate, ServiceMetrics metrics, Clock clock) {
        IndexersProperties.Eztv eztv = properties.eztv();
        super(eztv.mirrors(), new ApiMirror.Settings(SERVICE, "EZTV", eztv.timeout(), eztv.minInterval(),
                eztv.mirrorCooldown()),
                ApiMirror.Reader.of(EztvJson::envelope, EztvJson::describe), EztvUnavailableException::new,
                gate, metrics, clock);
    }

    /**
     * The torrents EZTV lists for the show with this IMDb id, newest first as EZTV orders them, following its
     * pages until {@code torrents_count} is reached (at most {@value #MAX_PAGES} pages of {@value #PAGE_SIZE});
     * empty when EZTV does not know the show. Each page is asked with failover on its own. A torrent listed
     * twice (EZTV's pages shift when a release arrives mid-search) is returned once.
     *
     * @param imdbId an IMDb title id such as {@code tt6048596}
     * @throws IllegalArgumentException when {@code imdbId} is not an IMDb title id
     * @throws EztvUnavailableException when no mirror answered a page (each failed or is cooling down)
     * @throws VpnDownException when indexer traffic must go through the VPN and it is down
     */
    public List<EztvTorrent> searchShow(String imdbId) {
        if (!IMDB_ID.matcher(imdbId).matches()) {
            throw new IllegalArgumentException("not an IMDb title id: " + imdbId);
        }
        String digits = imdbId.substring(2); // EZTV takes the id without "tt"
        Map<InfoHash, EztvTorrent> torrents = new LinkedHashMap<>();
        long seen = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode answer = get("/get-torrents?imdb_id=" + digits + "&limit=" + PAGE_SIZE + "&page=" + page,
                    imdbId + " page " + page);
            EztvJson.Page read = EztvJson.page(answer);
            read.torrents().forEach(t -> torrents.putIfAbsent(t.infoHash(), t));
            seen += read.listed();
            if (read.listed() == 0 || seen >= read.torrentsCount()) {
                break;
            }
            if (page == MAX_PAGES) {
                log.debug("EZTV lists {} torrents for {}; keeping the first {}", read.torrentsCount(), imdbId, seen);
            }
        }
        return List.copyOf(torrents.values());
    }

}
