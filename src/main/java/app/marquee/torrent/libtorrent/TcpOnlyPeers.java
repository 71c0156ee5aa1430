package app.marquee.torrent.libtorrent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.marquee.torrent.InfoHash;

/**
 * The session's memory of peers that did not answer an outgoing uTP connect (TCP-only clients such as aria2c),
 * and of the torrents they were met in.
 *
 * <p>libtorrent makes the same finding after a failed uTP connect ({@code torrent_peer::supports_utp = false}),
 * but keeps it in the torrent's own peer list: the next torrent_peer of the same endpoint, in a torrent added
 * later (the download after the metadata fetch, or a play after a stop), starts with uTP again and loses the
 * connect timeout plus up to a second before TCP. This memory lets the session connect such a torrent to the
 * endpoints it already knows to be TCP-only over TCP at once ({@link TorrentSession}). The libtorrent API cannot
 * mark a single peer TCP-only (peers from {@code connect_peer} or {@code add_torrent_params.peers} always start
 * as uTP-capable, whatever their {@code pex_flags}), so only endpoints known in the same torrent are used.
 *
 * <p>Bounded ({@link #MAX_ENDPOINTS} endpoints, the least recently met go first; {@link #MAX_TORRENTS} torrents
 * each) and expiring ({@link #TTL} after an endpoint was last met), so a peer that changes client or a port
 * reused by another is tried over uTP again in time. Thread-safe.
 */
final class TcpOnlyPeers {

    static final int MAX_ENDPOINTS = 1024;
    static final int MAX_TORRENTS = 16;
    static final Duration TTL = Duration.ofHours(1);

    /** A peer's listen address and port, as libtorrent reports and accepts them. */
    record Endpoint(String address, int port) {
    }

    private record Known(Instant metAt, Set<InfoHash> torrents) {
    }

    private final Clock clock;
    private final Map<Endpoint, Known> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Endpoint, Known> eldest) {
            return size() > MAX_ENDPOINTS;
        }
    };

    TcpOnlyPeers(Clock clock) {
        this.clock = clock;
    }

    /** An outgoing uTP connect to {@code endpoint}, for {@code torrent}, got no answer. */
    synchronized void failedOverUtp(InfoHash torrent, Endpoint endpoint) {
        Known previous = known.get(endpoint);
        Set<InfoHash> torrents = new LinkedHashSet<>();
        if (previous != null && !expired(previous)) {
            torrents.addAll(previous.torrents());
            torrents.remove(torrent);
        }
        torrents.add(torrent);
        while (torrents.size() > MAX_TORRENTS) {
            torrents.remove(torrents.iterator().next());
        }
        known.put(endpoint, new Known(clock.instant(), torrents));
    }

    /** The endpoints met in {@code torrent} that are known to be TCP-only and have not expired. */
    synchronized List<Endpoint> in(InfoHash torrent) {
        List<Endpoint> found = new ArrayList<>();
        known.entrySet().removeIf(entry -> expired(entry.getValue()));
        known.forEach((endpoint, entry) -> {
            if (entry.torrents().contains(torrent)) {
                found.add(endpoint);
            }
        });
        return found;
    }

    private boolean expired(Known entry) {
        return !entry.metAt().plus(TTL).isAfter(clock.instant());
    }
}
