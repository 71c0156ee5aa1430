package app.marquee.torrent.libtorrent;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.libtorrent4j.AddTorrentParams;
import org.libtorrent4j.AlertListener;
import org.libtorrent4j.AnnounceEntry;
import org.libtorrent4j.Operation;
import org.libtorrent4j.TcpEndpoint;
import org.libtorrent4j.TorrentHandle;
import org.libtorrent4j.alerts.Alert;
import org.libtorrent4j.alerts.AlertType;
import org.libtorrent4j.alerts.FileErrorAlert;
import org.libtorrent4j.alerts.ListenSucceededAlert;
import org.libtorrent4j.alerts.MetadataFailedAlert;
import org.libtorrent4j.alerts.PieceFinishedAlert;
import org.libtorrent4j.alerts.SaveResumeDataAlert;
import org.libtorrent4j.alerts.TorrentAlert;
import org.libtorrent4j.alerts.TorrentDeleteFailedAlert;
import org.libtorrent4j.alerts.TorrentDeletedAlert;
import org.libtorrent4j.alerts.PeerDisconnectedAlert;
import org.libtorrent4j.alerts.TorrentErrorAlert;
import org.libtorrent4j.alerts.TrackerErrorAlert;
import org.libtorrent4j.alerts.TorrentRemovedAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.marquee.torrent.InfoHash;
import app.marquee.torrent.InvalidTorrentException;
import app.marquee.torrent.TorrentEvent;
import app.marquee.torrent.TorrentMetadata;

/**
 * Turns libtorrent alerts into plain Java values for the {@link TorrentSession}. It runs on libtorrent4j's alert
 * thread, and an alert is a view into native memory freed at the next poll (notes/engine.md pitfall 2): all it
 * needs is copied here, inside the callback (resume data is serialised here, too), and no alert object is kept.
 */
final class SessionAlerts implements AlertListener {

    private static final Logger log = LoggerFactory.getLogger(SessionAlerts.class);
    private static final int[] TYPES = {
        AlertType.METADATA_RECEIVED.swig(), AlertType.METADATA_FAILED.swig(), AlertType.PIECE_FINISHED.swig(),
        AlertType.TORRENT_FINISHED.swig(), AlertType.TORRENT_CHECKED.swig(), AlertType.TORRENT_ERROR.swig(),
        AlertType.FILE_ERROR.swig(), AlertType.SAVE_RESUME_DATA.swig(), AlertType.SAVE_RESUME_DATA_FAILED.swig(),
        AlertType.TORRENT_REMOVED.swig(), AlertType.TORRENT_DELETED.swig(), AlertType.TORRENT_DELETE_FAILED.swig(),
        AlertType.LISTEN_SUCCEEDED.swig(), AlertType.TRACKER_ERROR.swig(), AlertType.PEER_DISCONNECTED.swig()};
    /** libtorrent's {@code socket_type_t} values of uTP sockets (plain and SSL). */
    private static final int UTP = 3;
    private static final int UTP_SSL = 8;

    private final TorrentSession session;

    SessionAlerts(TorrentSession session) {
        this.session = session;
    }

    @Override
    public int[] types() {
        return TYPES.clone();
    }

    @Override
    public void alert(Alert<?> alert) {
        try {
            dispatch(alert);
        } catch (RuntimeException e) {
            // boundary: an exception must never reach libtorrent4j's alert loop
            log.warn("handling {} failed: {}", alert.type(), e.getMessage(), e);
        }
    }

    private void dispatch(Alert<?> alert) {
        switch (alert) {
            case TorrentRemovedAlert removed ->
                session.removed(InfoHash.of(removed.getInfoHashes().getBest().toHex()), false, null);
            case TorrentDeletedAlert deleted ->
                session.removed(InfoHash.of(deleted.getInfoHashes().getBest().toHex()), true, null);
            case TorrentDeleteFailedAlert failed ->
                session.removed(InfoHash.of(failed.getInfoHashes().getBest().toHex()), false,
                        failed.getError().getMessage());
            case TorrentAlert<?> torrentAlert -> onTorrentAlert(torrentAlert);
            case ListenSucceededAlert listening -> session.listening();
            default -> {
            }
        }
    }

    private void onTorrentAlert(TorrentAlert<?> alert) {
        InfoHash infoHash = NativeTorrents.infoHash(alert.swig().getHandle());
        LibtorrentTorrent torrent = session.torrent(infoHash);
        switch (alert) {
            case PieceFinishedAlert piece when torrent != null -> {
                torrent.onPieceFinished(piece.pieceIndex());
                session.publish(new TorrentEvent.PieceFinished(infoHash, piece.pieceIndex()));
            }
            case MetadataFailedAlert failed -> {
                String message = "metadata from peers is unusable: " + failed.getError().getMessage();
                MetadataFetch fetch = session.fetch(infoHash);
                if (fetch != null) {
                    fetch.future().completeExceptionally(new InvalidTorrentException(message));
                }
                session.publish(new TorrentEvent.TorrentFailed(infoHash, message));
            }
            case SaveResumeDataAlert saved ->
                session.resumeDataSaved(infoHash, AddTorrentParams.writeResumeDataBuf(saved.params()));
            case PeerDisconnectedAlert gone when gone.operation() == Operation.CONNECT
                    && (gone.socketType() == UTP || gone.socketType() == UTP_SSL) -> {
                TcpEndpoint peer = gone.endpoint();
                session.failedOverUtp(infoHash, peer.address().toString(), peer.port());
                if (torrent != null) {
                    torrent.retryOverTcp();
                }
            }
            case TrackerErrorAlert error -> log.info("tracker {} failed for {} ({} in a row): {} {}", error.trackerUrl(),
                    infoHash, error.timesInRow(), error.error().getMessage(), error.errorMessage());
            case TorrentErrorAlert error -> session.publish(
                    new TorrentEvent.TorrentFailed(infoHash, error.error().getMessage() + " " + error.filename()));
            case FileErrorAlert error -> session.publish(
                    new TorrentEvent.TorrentFailed(infoHash, error.error().getMessage() + " " + error.filename()));
            default -> onStateAlert(alert, infoHash, torrent);
        }
    }

    private void onStateAlert(TorrentAlert<?> alert, InfoHash infoHash, @Nullable LibtorrentTorrent torrent) {
        switch (alert.type()) {
            case METADATA_RECEIVED -> onMetadata(infoHash, torrent);
            case TORRENT_FINISHED -> {
                if (torrent != null) {
                    torrent.handle().saveResumeData(TorrentHandle.SAVE_INFO_DICT);
                    session.publish(new TorrentEvent.TorrentFinished(infoHash));
                }
            }
            case TORRENT_CHECKED -> {
                session.checked(infoHash, new TorrentHandle(alert.swig().getHandle()));
                if (torrent != null) {
                    torrent.onChecked();
                }
            }
            case SAVE_RESUME_DATA_FAILED -> session.resumeDataSaved(infoHash, null);
            default -> {
            }
        }
    }

    private void onMetadata(InfoHash infoHash, @Nullable LibtorrentTorrent torrent) {
        MetadataFetch fetch = session.fetch(infoHash);
        if (fetch == null && torrent == null) {
            return;
        }
        TorrentHandle handle = torrent != null ? torrent.handle() : new TorrentHandle(fetch.handle());
        List<String> trackers = fetch != null ? fetch.trackers()
                : handle.trackers().stream().map(AnnounceEntry::url).toList();
        TorrentMetadata metadata;
        try {
            metadata = NativeTorrents.metadata(handle.swig(), trackers);
        } catch (InvalidTorrentException e) {
            if (fetch != null) {
                fetch.future().completeExceptionally(e);
            }
            session.publish(new TorrentEvent.TorrentFailed(infoHash, e.getMessage()));
            return;
        }
        if (metadata == null) {
            return;
        }
        if (fetch != null) {
            fetch.future().complete(metadata);
        }
        if (torrent != null) {
            torrent.onMetadata(metadata);
            session.publish(new TorrentEvent.MetadataReceived(infoHash, metadata));
        }
    }
}
