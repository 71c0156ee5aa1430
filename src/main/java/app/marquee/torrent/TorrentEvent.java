package app.marquee.torrent;

/**
 * What happened to a torrent, published as a Spring application event by the engine.
 *
 * <p>Events are published from one engine thread, in the order libtorrent reported them, never from the
 * native alert thread: a slow listener delays later events but never the engine. Listen with
 * {@code @EventListener} or {@code @ApplicationModuleListener} on the subtype of interest.
 */
public sealed interface TorrentEvent {

    InfoHash infoHash();

    /** A magnet's metadata arrived from peers; the torrent now knows its files. */
    record MetadataReceived(InfoHash infoHash, TorrentMetadata metadata) implements TorrentEvent {
    }

    /** A piece passed its hash check and is on disk. */
    record PieceFinished(InfoHash infoHash, int piece) implements TorrentEvent {
    }

    /** Every wanted piece is present. */
    record TorrentFinished(InfoHash infoHash) implements TorrentEvent {
    }

    /** libtorrent reported an error for the torrent (a file error, a failed metadata exchange). */
    record TorrentFailed(InfoHash infoHash, String message) implements TorrentEvent {
    }
}
