package app.marquee.sources.tracker;

import java.time.Duration;

/**
 * How long a scrape may take.
 *
 * @param udpTimeout how long to wait for each UDP answer. BEP 15 says 15·2<sup>n</sup> s, which suits a client
 *     that announces in the background; a scrape that ranks sources while someone waits must give up sooner
 * @param udpRetries how many times an unanswered UDP request is sent again
 * @param httpTimeout how long an HTTP scrape may take, answer included
 */
record ScrapeSettings(Duration udpTimeout, int udpRetries, Duration httpTimeout) {

    static final ScrapeSettings DEFAULT = new ScrapeSettings(Duration.ofSeconds(3), 2, Duration.ofSeconds(10));

    ScrapeSettings {
        if (udpTimeout.isNegative() || udpTimeout.isZero() || udpRetries < 0 || httpTimeout.isNegative()
                || httpTimeout.isZero()) {
            throw new IllegalArgumentException("scrape timeouts must be positive and retries not negative");
        }
    }
}
