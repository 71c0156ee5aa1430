package app.marquee.torrent.libtorrent;

import org.libtorrent4j.TorrentFlags;
import org.libtorrent4j.TorrentStatus.State;

import app.marquee.torrent.TorrentStatus;

/** libtorrent's torrent status as Marquee's {@link TorrentStatus}. */
final class StatusMapping {

    private StatusMapping() {
    }

    /**
     * @param pieceCount the torrent's pieces, from its metadata (libtorrent's status only carries the piece
     *     bitfield when asked for it, which costs a copy of it on every call)
     */
    static TorrentStatus of(org.libtorrent4j.TorrentStatus status, boolean sessionPaused, int pieceCount) {
        String error = status.errorCode().isError() ? status.errorCode().getMessage() : "";
        long wanted = status.totalWanted();
        return new TorrentStatus(state(status, sessionPaused, !error.isEmpty()),
                wanted == 0 ? 0 : (double) status.totalWantedDone() / wanted,
                status.downloadPayloadRate(), status.uploadPayloadRate(),
                status.numPeers(), status.numSeeds(), status.numPieces(),
                pieceCount,
                status.totalWantedDone(), wanted, status.totalPayloadDownload(), error);
    }

    private static TorrentStatus.State state(org.libtorrent4j.TorrentStatus status, boolean sessionPaused,
            boolean failed) {
        if (failed) {
            return TorrentStatus.State.ERROR;
        }
        if (sessionPaused || status.flags().and_(TorrentFlags.PAUSED).non_zero()) {
            return TorrentStatus.State.PAUSED;
        }
        State state = status.state();
        return switch (state) {
            case CHECKING_FILES, CHECKING_RESUME_DATA -> TorrentStatus.State.CHECKING;
            case DOWNLOADING_METADATA -> TorrentStatus.State.FETCHING_METADATA;
            case FINISHED -> TorrentStatus.State.FINISHED;
            case SEEDING -> TorrentStatus.State.SEEDING;
            case DOWNLOADING, UNKNOWN -> TorrentStatus.State.DOWNLOADING;
        };
    }
}
