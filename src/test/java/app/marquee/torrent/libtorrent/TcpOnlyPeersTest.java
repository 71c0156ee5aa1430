package app.marquee.torrent.libtorrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.marquee.support.MovableClock;
import app.marquee.torrent.InfoHash;

class TcpOnlyPeersTest {

    private static final InfoHash MOVIE = InfoHash.of("a".repeat(40));
    private static final InfoHash SHOW = InfoHash.of("b".repeat(40));
    private static final TcpOnlyPeers.Endpoint SEEDER = new TcpOnlyPeers.Endpoint("198.51.100.7", 51413);

    private final MovableClock clock = MovableClock.startingNow();
    private final TcpOnlyPeers peers = new TcpOnlyPeers(clock);

    @Test
    void anEndpointIsOfferedOnlyToTheTorrentsItWasMetIn() {
        peers.failedOverUtp(MOVIE, SEEDER);

        assertThat(peers.in(MOVIE)).containsExactly(SEEDER);
        assertThat(peers.in(SHOW)).isEmpty();

        peers.failedOverUtp(SHOW, SEEDER);
        assertThat(peers.in(SHOW)).containsExactly(SEEDER);
        assertThat(peers.in(MOVIE)).containsExactly(SEEDER);
    }

    @Test
    void anEndpointIsForgottenAnHourAfterItWasLastMet() {
        peers.failedOverUtp(MOVIE, SEEDER);
        clock.advance(TcpOnlyPeers.TTL.minusMinutes(1));
        peers.failedOverUtp(SHOW, SEEDER);
        clock.advance(Duration.ofMinutes(2));

        assertThat(peers.in(MOVIE)).as("met again within the hour, in another torrent").containsExactly(SEEDER);

        clock.advance(TcpOnlyPeers.TTL);
        assertThat(peers.in(MOVIE)).isEmpty();
        assertThat(peers.in(SHOW)).isEmpty();
    }

    @Test
    void theLeastRecentlyMetEndpointsAndTorrentsGoFirstPastTheBounds() {
        for (int port = 1; port <= TcpOnlyPeers.MAX_ENDPOINTS + 1; port++) {
            peers.failedOverUtp(MOVIE, new TcpOnlyPeers.Endpoint("198.51.100.7", port));
        }
        assertThat(peers.in(MOVIE)).hasSize(TcpOnlyPeers.MAX_ENDPOINTS)
                .doesNotContain(new TcpOnlyPeers.Endpoint("198.51.100.7", 1));

        for (int i = 0; i <= TcpOnlyPeers.MAX_TORRENTS; i++) {
            peers.failedOverUtp(InfoHash.of(String.format("%040x", i)), SEEDER);
        }
        assertThat(peers.in(InfoHash.of(String.format("%040x", 0)))).isEmpty();
        assertThat(peers.in(InfoHash.of(String.format("%040x", TcpOnlyPeers.MAX_TORRENTS)))).containsExactly(SEEDER);
    }
}
