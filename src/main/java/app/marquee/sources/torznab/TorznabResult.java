package app.marquee.sources.torznab;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.marquee.torrent.InfoHash;

/**
 * One release a Torznab indexer lists for a search. Numbers the indexer left out are null.
 *
 * @param indexer the configured name of the endpoint that listed it
 * @param title the release name
 * @param infoHash from the {@code infohash} attribute, else from the magnet link
 * @param magnet the magnet link, when the indexer gave one
 * @param torrentUrl where the .torrent file can be downloaded, when the indexer gave an http(s) link. Prowlarr
 *     and Jackett put their API key in it: never show it to users or log it
 * @param size the content's size in bytes
 * @param seeders seeders as the indexer last saw them
 * @param leechers the indexer's {@code peers} minus its {@code seeders} (Torznab's peers count both)
 * @param published the {@code pubDate}
 */
public record TorznabResult(
        String indexer,
        String title,
        InfoHash infoHash,
        @Nullable String magnet,
        @Nullable String torrentUrl,
        @Nullable Long size,
        @Nullable Integer seeders,
        @Nullable Integer leechers,
        @Nullable Instant published) {

    /** Leaves {@link #torrentUrl()} out: it usually holds the endpoint's API key. */
    @Override
    public String toString() {
        return "TorznabResult[indexer=" + indexer + ", title=" + title + ", infoHash=" + infoHash + ", size=" + size
                + ", seeders=" + seeders + ", leechers=" + leechers + ", published=" + published + "]";
    }
}
