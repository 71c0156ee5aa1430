package app.marquee.sources.yts;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import app.marquee.network.NetworkGate;
import app.marquee.network.VpnDownException;
import app.marquee.platform.ServiceMetrics;
import app.marquee.sources.mirrors.ApiMirror;
import app.marquee.sources.mirrors.MirroredJsonClient;

/**
 * Movie torrents from the YTS v2 API, asked of the mirrors of {@code marquee.yts.mirrors} with failover.
 * Thread-safe; callers block (on virtual threads) while a mirror's request spacing holds them back.
 *
 * <p>A search asks the mirror that answered last, then the others in configured order, skipping those
 * cooling down after a failure. A mirror fails when it times out, cannot be reached, answers 429, 5xx or
 * another 4xx, or answers 200 with something other than the YTS JSON envelope (dead mirrors serve parking
 * pages). All traffic goes through {@link NetworkGate} as {@link NetworkGate.Purpose#INDEXER} traffic.
 */
@Component
public final class YtsClient extends MirroredJsonClient {

    static final String SERVICE = "yts";
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{7,10}");

    YtsClient(YtsProperties properties, NetworkGate gate, ServiceMetrics metrics, Clock clock) {
        super(properties.mirrors(), new ApiMirror.Settings(SERVICE, "YTS", properties.timeout(),
                properties.minInterval(), properties.mirrorCooldown()),
                ApiMirror.Reader.of(YtsJson::envelopeData, YtsJson::describe), YtsUnavailableException::new,
                gate, metrics, clock);
    }

    /**
     * The torrents YTS lists for the movie with this IMDb id ({@code list_movies.json?query_term=}); empty when
     * YTS does not know the movie. Movies the query also matched under other ids are left out.
     *
     * @param imdbId an IMDb title id such as {@code tt0111161}
     * @throws IllegalArgumentException when {@code imdbId} is not an IMDb title id
     * @throws YtsUnavailableException when no mirror answered (each failed or is cooling down)
     * @throws VpnDownException when indexer traffic must go through the VPN and it is down
     */
    public List<YtsTorrent> searchByImdbId(String imdbId) {
        if (!IMDB_ID.matcher(imdbId).matches()) {
            throw new IllegalArgumentException("not an IMDb title id: " + imdbId);
        }
        // limit and page as the recorded requests have them, so answers are comparable across mirrors and tests
        JsonNode data = get("/list_movies.json?limit=20&page=1&query_term=" + imdbId, imdbId);
        return YtsJson.torrents(data, imdbId);
    }

}
