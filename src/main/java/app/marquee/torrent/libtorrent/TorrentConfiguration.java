package app.marquee.torrent.libtorrent;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.marquee.platform.DataDirectory;
import app.marquee.torrent.PiecePrioritizer;
import app.marquee.torrent.TorrentProperties;

/** The engine's beans: one {@link TorrentSession} per process, and the default piece prioritizer. */
@Configuration(proxyBeanMethods = false)
class TorrentConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PiecePrioritizer piecePrioritizer() {
        return new ReadAheadPrioritizer();
    }

    @Bean
    TorrentSession torrentSession(TorrentProperties properties, DataDirectory dataDirectory,
            PiecePrioritizer prioritizer, ApplicationEventPublisher publisher, Clock clock) {
        return new TorrentSession(properties, dataDirectory, prioritizer, publisher, clock);
    }
}
