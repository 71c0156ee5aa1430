package app.marquee.torrent;

/**
 * A snapshot of one torrent.
 *
 * @param state what the torrent is doing
 * @param progress 0..1 of the wanted bytes (the selected files)
 * @param downloadRate payload bytes per second received
 * @param uploadRate payload bytes per second sent
 * @param peers connected peers (seeds included)
 * @param seeds connected seeds
 * @param piecesDone pieces present and verified
 * @param pieceCount pieces of the torrent; 0 until the metadata is known
 * @param bytesDone bytes of the wanted files present
 * @param bytesWanted bytes of the wanted files
 * @param bytesDownloaded payload bytes received since the torrent was added to this session (pieces that came
 *     from resume data or a check are not counted)
 * @param error libtorrent's error for the torrent, empty when none
 */
public record TorrentStatus(
        State state,
        double progress,
        long downloadRate,
        long uploadRate,
        int peers,
        int seeds,
        int piecesDone,
        int pieceCount,
        long bytesDone,
        long bytesWanted,
        long bytesDownloaded,
        String error) {

    /** What a torrent is doing. */
    public enum State {
        /** checking files on disk or resume data */
        CHECKING,
        /** a magnet waiting for its metadata from peers (BEP 9) */
        FETCHING_METADATA,
        DOWNLOADING,
        /** every wanted piece is present; unwanted files are not */
        FINISHED,
        /** every piece is present */
        SEEDING,
        /** the session or the torrent is paused */
        PAUSED,
        /** libtorrent stopped the torrent on an error; see {@link TorrentStatus#error()} */
        ERROR
    }
}
