package app.marquee.torrent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Marquee's BitTorrent engine: one libtorrent session for the process, behind types of our own.
 *
 * <p>Threading: every method is thread-safe and returns quickly (it queues work on libtorrent's network thread);
 * futures complete on the engine's alert thread. Nullness: nothing is null unless marked. The session starts on
 * first use (or at start-up when there are torrents to resume) and saves resume data when the application stops.
 * Events: {@link TorrentEvent}s are published as Spring application events.
 *
 * <p>Torrents are never queued or auto-managed: an added torrent starts at once unless the whole session is
 * paused.
 */
public interface TorrentEngine {

    /**
     * Adds a torrent from its metadata and starts it; when it is already in the session, returns it.
     *
     * @param trackers announce URLs added to those in the metadata
     * @param saveDirectory where its files go (created when missing)
     * @throws TorrentEngineException when libtorrent refuses it
     */
    default ActiveTorrent add(TorrentMetadata metadata, List<String> trackers, Path saveDirectory) {
        return add(metadata, trackers, saveDirectory, Set.of());
    }

    /**
     * As {@link #add(TorrentMetadata, List, Path)}, downloading from the start only {@code files} (by index; the
     * others at priority 0 until {@link ActiveTorrent#selectFiles} says otherwise); empty: every file. When the
     * torrent is already in the session, its selection is left as it is.
     */
    ActiveTorrent add(TorrentMetadata metadata, List<String> trackers, Path saveDirectory, Set<Integer> files);

    /**
     * Adds a magnet (BEP 9: the metadata comes from peers found through its {@code tr} trackers) and starts it;
     * when it is already in the session, returns it.
     *
     * @throws InvalidTorrentException for a malformed magnet
     * @throws TorrentEngineException when libtorrent refuses it
     */
    default ActiveTorrent addMagnet(String magnetUri, Path saveDirectory) {
        return addMagnet(magnetUri, saveDirectory, Files.ALL);
    }

    /**
     * As {@link #addMagnet(String, Path)}; with {@link Files#SELECTED} no file is downloaded, even between the
     * metadata's arrival and the first {@link ActiveTorrent#selectFiles}, until one is selected.
     */
    ActiveTorrent addMagnet(String magnetUri, Path saveDirectory, Files files);

    /** Which files of a torrent being added are downloaded. */
    enum Files {
        /** All of them, until {@link ActiveTorrent#selectFiles} says otherwise. */
        ALL,
        /**
         * None until {@link ActiveTorrent#selectFiles} names some: a season pack's other episodes are never
         * fetched, not even in the moment between the metadata's arrival and the selection.
         */
        SELECTED
    }

    /**
     * Fetches only the metadata of a magnet from peers (BEP 9), without downloading file data, then forgets the
     * torrent (unless it was already in the session). The future fails with
     * {@link java.util.concurrent.TimeoutException} after {@code timeout}, and with
     * {@link InvalidTorrentException} when the peers' metadata is unusable.
     *
     * @throws InvalidTorrentException for a malformed magnet
     */
    CompletableFuture<TorrentMetadata> fetchMetadata(String magnetUri, Duration timeout);

    /** The torrent, if it is in the session. */
    Optional<ActiveTorrent> find(InfoHash infoHash);

    /** The torrents in the session (metadata fetches excluded). */
    Collection<ActiveTorrent> torrents();

    /**
     * Removes a torrent and its resume data; with {@code deleteFiles}, its downloaded files too. Completes when
     * libtorrent has done so (files deleted); at once when the torrent is not in the session.
     */
    CompletableFuture<Void> remove(InfoHash infoHash, boolean deleteFiles);

    /** Stops all peer traffic of the session (the VPN kill switch); torrents keep their state. */
    void pause();

    /** Undoes {@link #pause()}. */
    void resume();

    boolean isPaused();

    /**
     * Rebinds listening and outgoing connections at run time, then reopens the sockets. It does not pause:
     * combine with {@link #pause()} for a kill switch.
     */
    void bind(InterfaceBinding binding);

    /** The binding in force. */
    InterfaceBinding binding();

    /** The port the session listens on, once started and listening; empty otherwise. */
    Optional<Integer> listenPort();
}
