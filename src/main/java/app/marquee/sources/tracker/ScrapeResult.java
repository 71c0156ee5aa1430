package app.marquee.sources.tracker;

import java.util.Objects;

import app.marquee.torrent.InfoHash;

/**
 * What a tracker knows of one torrent.
 *
 * @param seeders peers with the whole torrent ("complete")
 * @param leechers peers still downloading ("incomplete")
 * @param completed downloads the tracker has seen finish ("downloaded"); some trackers always say 0
 * @throws IllegalArgumentException when a count is negative
 */
public record ScrapeResult(InfoHash infoHash, int seeders, int leechers, int completed) {

    public ScrapeResult {
        Objects.requireNonNull(infoHash, "infoHash");
        if (seeders < 0 || leechers < 0 || completed < 0) {
            throw new IllegalArgumentException("scrape counts cannot be negative: " + seeders + " seeders, "
                    + leechers + " leechers, " + completed + " completed");
        }
    }
}
