package app.marquee.torrent.libtorrent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.libtorrent4j.AlertListener;
import org.libtorrent4j.Priority;
import org.libtorrent4j.SessionManager;
import org.libtorrent4j.SessionParams;
import org.libtorrent4j.SettingsPack;
import org.libtorrent4j.TorrentFlags;
import org.libtorrent4j.TorrentHandle;
import org.libtorrent4j.TorrentInfo;
import org.libtorrent4j.swig.add_torrent_params;
import org.libtorrent4j.swig.address;
import org.libtorrent4j.swig.byte_vector;
import org.libtorrent4j.swig.error_code;
import org.libtorrent4j.swig.session_handle;
import org.libtorrent4j.swig.settings_pack.bool_types;
import org.libtorrent4j.swig.string_vector;
import org.libtorrent4j.swig.tcp_endpoint;
import org.libtorrent4j.swig.tcp_endpoint_vector;
import org.libtorrent4j.swig.torrent_flags_t;
import org.libtorrent4j.swig.torrent_handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import app.marquee.platform.DataDirectory;
import app.marquee.torrent.ActiveTorrent;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.InterfaceBinding;
import app.marquee.torrent.InvalidTorrentException;
import app.marquee.torrent.PiecePrioritizer;
import app.marquee.torrent.TorrentEngine;
import app.marquee.torrent.TorrentEngineException;
import app.marquee.torrent.TorrentEvent;
import app.marquee.torrent.TorrentMetadata;
import app.marquee.torrent.TorrentProperties;

/**
 * The {@link TorrentEngine} on one libtorrent session (libtorrent4j's {@link SessionManager}).
 *
 * <p>Start: lazily on first use, so a server that streams nothing never loads the native library; at application
 * start-up only when resume data exists, so interrupted downloads continue by themselves. Stop: the session is
 * paused, every torrent's resume data saved (waited for, up to {@link #SHUTDOWN_SAVE_TIMEOUT}), then the session
 * is destroyed. Data: the native library under {@code <data-dir>/native/}, resume data under
 * {@code <data-dir>/torrents/resume/}, metadata fetches under {@code <data-dir>/torrents/metadata/}. Disk I/O is
 * POSIX (pread/pwrite): libtorrent's default mmap storage replaces the JVM's SIGSEGV handler and kills it at
 * random, and with POSIX I/O a piece's bytes are on disk when it is reported finished (notes/engine.md §3).
 */
public final class TorrentSession implements TorrentEngine, SmartLifecycle, AutoCloseable {

    static final Duration SHUTDOWN_SAVE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(TorrentSession.class);

    private final TorrentProperties properties;
    private final Path nativeDirectory;
    private final ResumeKeeper resumeKeeper;
    private final PiecePrioritizer prioritizer;
    private final EventRelay events;
    private final ScheduledExecutorService resumeTimer;
    private final Map<InfoHash, LibtorrentTorrent> torrents = new ConcurrentHashMap<>();
    private final MetadataFetches fetches;
    private final Map<InfoHash, Removal> removals = new ConcurrentHashMap<>();
    private final TcpOnlyPeers tcpOnlyPeers;
    /** Torrents added with known TCP-only peers, stopping once checked, to be started over TCP: see checked(). */
    private final Set<InfoHash> tcpFirst = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private volatile @Nullable SessionManager session;
    private volatile InterfaceBinding binding;
    private volatile boolean pauseRequested;
    private volatile boolean lifecycleRunning;
    private volatile boolean closed;

    public TorrentSession(TorrentProperties properties, DataDirectory dataDirectory, PiecePrioritizer prioritizer,
            ApplicationEventPublisher publisher, Clock clock) {
        this.properties = properties;
        this.tcpOnlyPeers = new TcpOnlyPeers(clock);
        this.nativeDirectory = dataDirectory.resolve("native");
        this.fetches = new MetadataFetches(dataDirectory.resolve("torrents/metadata"), properties, lock,
                () -> session);
        this.resumeKeeper = new ResumeKeeper(new ResumeDataStore(dataDirectory.resolve("torrents/resume")));
        this.prioritizer = prioritizer;
        this.events = new EventRelay(publisher);
        this.binding = properties.binding();
        this.resumeTimer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("torrent-resume-save").factory());
    }

    /** libtorrent's version; loads the native library (not the session) if needed. */
    public String libtorrentVersion() {
        return NativeLibraryLoader.load(nativeDirectory);
    }

    private SessionManager session() {
        SessionManager current = session;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the torrent engine is stopped");
            }
            if (session == null) {
                session = startSession();
            }
            return session;
        }
    }

    private SessionManager startSession() {
        long begin = System.nanoTime();
        NativeLibraryLoader.load(nativeDirectory);
        SessionParams params = new SessionParams(SessionSettings.of(properties, binding));
        params.setPosixDiskIO();
        SessionManager manager = new SessionManager(false);
        manager.addListener(new SessionAlerts(this));
        manager.start(params);
        if (pauseRequested) {
            manager.pause();
        }
        session = manager;
        resumeAll(manager);
        long period = properties.resumeSaveInterval().toMillis();
        resumeTimer.scheduleWithFixedDelay(() -> resumeKeeper.saveChanged(torrents.values()), period, period,
                TimeUnit.MILLISECONDS);
        log.info("torrent session started in {} ms ({} torrents resumed, binding {})",
                (System.nanoTime() - begin) / 1_000_000, torrents.size(), binding);
        return manager;
    }

    @Override
    public ActiveTorrent add(TorrentMetadata metadata, List<String> trackers, Path saveDirectory,
            Set<Integer> files) {
        SessionManager manager = session();
        files.forEach(metadata::file); // an index out of range is refused before anything is added
        synchronized (lock) {
            LibtorrentTorrent existing = adoptOrFind(metadata.infoHash(), saveDirectory,
                    files.isEmpty() ? Files.ALL : Files.SELECTED);
            if (existing != null) {
                return existing;
            }
            TorrentInfo info;
            try {
                info = new TorrentInfo(metadata.torrentFile());
            } catch (IllegalArgumentException e) {
                throw new InvalidTorrentException("libtorrent refused " + metadata + ": " + e.getMessage(), e);
            }
            add_torrent_params params = new add_torrent_params();
            string_vector urls = new string_vector();
            try {
                params.set_ti(info.swig()); // a copy: ours can go
                if (!trackers.isEmpty()) {
                    metadata.trackers().forEach(urls::add);
                    trackers.forEach(urls::add);
                    params.setTrackers(urls);
                }
                if (!files.isEmpty()) {
                    // the selection from the first moment: nothing else is fetched, and nothing waits for it
                    byte_vector priorities = new byte_vector();
                    for (int i = 0; i < metadata.files().size(); i++) {
                        priorities.add(files.contains(i) ? Priority.LOW.swig() : Priority.IGNORE.swig());
                    }
                    params.set_file_priorities(priorities);
                    priorities.delete();
                }
                LibtorrentTorrent torrent = addToSession(manager, params, metadata.infoHash(), saveDirectory,
                        Files.ALL);
                torrent.onMetadata(metadata);
                return torrent;
            } finally {
                urls.delete();
                params.delete();
                info.swig().delete();
            }
        }
    }

    @Override
    public ActiveTorrent addMagnet(String magnetUri, Path saveDirectory, Files files) {
        SessionManager manager = session();
        add_torrent_params params = NativeTorrents.parseMagnet(magnetUri);
        try {
            synchronized (lock) {
                InfoHash infoHash = InfoHash.of(params.getInfo_hashes().get_best().to_hex());
                LibtorrentTorrent existing = adoptOrFind(infoHash, saveDirectory, files);
                return existing != null ? existing : addToSession(manager, params, infoHash, saveDirectory, files);
            }
        } finally {
            params.delete();
        }
    }

    private LibtorrentTorrent addToSession(SessionManager manager, add_torrent_params params, InfoHash infoHash,
            Path saveDirectory, Files files) {
        Directories.create(saveDirectory);
        params.setSave_path(saveDirectory.toAbsolutePath().toString());
        torrent_flags_t flags = NativeTorrents.startFlags(params.getFlags(), properties);
        // upload mode downloads nothing (the metadata still comes) until selectFiles has set the priorities;
        // libtorrent 2.0.6 has no default_dont_download flag for this
        if (files == Files.SELECTED) {
            flags = flags.or_(TorrentFlags.UPLOAD_MODE);
        }
        List<TcpOnlyPeers.Endpoint> known = properties.utp() ? tcpOnlyPeers.in(infoHash) : List.of();
        if (!known.isEmpty()) {
            tcp_endpoint_vector peers = endpoints(known);
            params.setPeers(peers);
            peers.delete();
            // checks its files, then stops before connecting to anyone; checked() starts it
            flags = flags.or_(TorrentFlags.STOP_WHEN_READY);
            tcpFirst.add(infoHash);
            log.debug("{}: connecting over TCP first to {} peers known to be TCP-only", infoHash, known.size());
        }
        params.setFlags(flags);
        error_code error = new error_code();
        torrent_handle handle = manager.swig().add_torrent(params, error);
        String failure = error.value() != 0 ? error.message() : null;
        error.delete();
        if (failure != null || handle == null || !handle.is_valid()) {
            tcpFirst.remove(infoHash);
            throw new TorrentEngineException("libtorrent could not add the torrent: " + failure);
        }
        LibtorrentTorrent torrent = new LibtorrentTorrent(NativeTorrents.infoHash(handle), new TorrentHandle(handle),
                saveDirectory, prioritizer, this::isPaused);
        torrents.put(torrent.infoHash(), torrent);
        return torrent;
    }

    /** The torrent if already added; a running metadata fetch of it becomes the download. Holds {@link #lock}. */
    private @Nullable LibtorrentTorrent adoptOrFind(InfoHash infoHash, Path saveDirectory, Files files) {
        LibtorrentTorrent existing = torrents.get(infoHash);
        if (existing != null) {
            return existing;
        }
        MetadataFetch fetch = fetches.adopt(infoHash);
        if (fetch == null) {
            return null;
        }
        Directories.create(saveDirectory);
        TorrentHandle handle = new TorrentHandle(fetch.handle());
        if (files == Files.ALL) {
            handle.unsetFlags(TorrentFlags.UPLOAD_MODE); // else selectFiles ends the fetch's upload mode
        }
        handle.moveStorage(saveDirectory.toAbsolutePath().toString());
        LibtorrentTorrent torrent = new LibtorrentTorrent(infoHash, handle, saveDirectory, prioritizer, this::isPaused);
        fetch.future().thenAccept(torrent::onMetadata);
        torrents.put(infoHash, torrent);
        return torrent;
    }

    @Override
    public CompletableFuture<TorrentMetadata> fetchMetadata(String magnetUri, Duration timeout) {
        SessionManager manager = session();
        add_torrent_params params = NativeTorrents.parseMagnet(magnetUri);
        try {
            return fetchMetadata(manager, params, timeout);
        } finally {
            params.delete();
        }
    }

    private CompletableFuture<TorrentMetadata> fetchMetadata(SessionManager manager, add_torrent_params params,
            Duration timeout) {
        InfoHash infoHash = InfoHash.of(params.getInfo_hashes().get_best().to_hex());
        synchronized (lock) {
            LibtorrentTorrent existing = torrents.get(infoHash);
            if (existing != null) {
                return existing.whenMetadata().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return fetches.start(manager, params, infoHash, timeout);
        }
    }

    @Override
    public Optional<ActiveTorrent> find(InfoHash infoHash) {
        return Optional.ofNullable(torrents.get(infoHash));
    }

    @Override
    public Collection<ActiveTorrent> torrents() {
        return List.copyOf(torrents.values());
    }

    @Override
    public CompletableFuture<Void> remove(InfoHash infoHash, boolean deleteFiles) {
        synchronized (lock) {
            LibtorrentTorrent torrent = torrents.remove(infoHash);
            SessionManager manager = session;
            if (torrent == null || manager == null) {
                return CompletableFuture.completedFuture(null);
            }
            Removal removal = new Removal(deleteFiles, new CompletableFuture<>());
            removals.put(infoHash, removal);
            torrent.onRemoved("was removed");
            if (deleteFiles) {
                manager.swig().remove_torrent(torrent.handle().swig(), session_handle.delete_files);
            } else {
                manager.swig().remove_torrent(torrent.handle().swig());
            }
            resumeKeeper.forget(infoHash);
            return removal.future().copy();
        }
    }

    @Override
    public void pause() {
        pauseRequested = true;
        SessionManager manager = session;
        if (manager != null) {
            manager.pause();
        }
    }

    @Override
    public void resume() {
        pauseRequested = false;
        SessionManager manager = session;
        if (manager != null) {
            manager.resume();
        }
    }

    @Override
    public boolean isPaused() {
        SessionManager manager = session;
        return manager == null ? pauseRequested : manager.isPaused();
    }

    @Override
    public void bind(InterfaceBinding newBinding) {
        synchronized (lock) {
            binding = newBinding;
            SessionManager manager = session;
            if (manager != null) {
                manager.applySettings(SessionSettings.of(properties, newBinding));
                manager.reopenNetworkSockets();
            }
        }
        log.info("torrent session bound to {}", newBinding.isBound() ? newBinding.device() : "all interfaces");
    }

    @Override
    public InterfaceBinding binding() {
        return binding;
    }

    @Override
    public Optional<Integer> listenPort() {
        SessionManager manager = session;
        if (manager == null || !manager.swig().is_listening()) {
            return Optional.empty();
        }
        return Optional.of(manager.swig().listen_port());
    }

    // ---- resume data

    /** Re-adds every torrent of the resume data; piece priorities follow the file selection again. */
    private void resumeAll(SessionManager manager) {
        resumeKeeper.load((infoHash, params) -> {
            LibtorrentTorrent torrent = addToSession(manager, params, infoHash, Path.of(params.getSave_path()),
                    Files.ALL);
            TorrentMetadata metadata = NativeTorrents.metadata(torrent.handle().swig(),
                    NativeTorrents.trackers(params.getTrackers()));
            if (metadata != null) {
                torrent.onMetadata(metadata);
                // resume data brings back the piece priorities of its last stream windows
                torrent.handle().prioritizeFiles(torrent.handle().filePriorities());
            }
        });
    }

    private static tcp_endpoint_vector endpoints(List<TcpOnlyPeers.Endpoint> peers) {
        tcp_endpoint_vector endpoints = new tcp_endpoint_vector();
        for (TcpOnlyPeers.Endpoint peer : peers) {
            error_code error = new error_code();
            address ip = address.from_string(peer.address(), error);
            if (error.value() == 0) {
                endpoints.add(new tcp_endpoint(ip, peer.port()));
            }
            error.delete();
        }
        return endpoints;
    }

    /** For tests: libtorrent's alerts as they come, on its alert thread (starts the session). */
    void addAlertListener(AlertListener listener) {
        session().addListener(listener);
    }

    // ---- called by SessionAlerts on libtorrent's alert thread

    /**
     * The torrent's files are checked. One added with peers known to be TCP-only ({@link TcpOnlyPeers}) stopped
     * there (stop_when_ready) and starts now, connecting to them over TCP at once instead of after a uTP connect
     * timeout and libtorrent's next one-second connect round.
     *
     * <p>How: a torrent that resumes connects to its known peers at once ({@code torrent::do_resume} ends in
     * {@code do_connect_boost}), before its tracker answers, and libtorrent picks uTP or TCP for each connect
     * from {@code enable_outgoing_utp} at that moment (no API marks one peer TCP-only). So outgoing uTP is
     * switched off for as long as it takes to post the resume: the three calls are queued back to back on
     * libtorrent's network thread. The peers the tracker returns afterwards are tried over uTP as usual; a connect
     * of another torrent that falls in the window (microseconds) goes over TCP, which uTP clients accept too.
     */
    void checked(InfoHash infoHash, TorrentHandle handle) {
        SessionManager manager = session;
        if (!tcpFirst.remove(infoHash) || manager == null) {
            return;
        }
        synchronized (lock) {
            manager.swig().apply_settings(outgoingUtp(false).swig());
            try {
                handle.resume();
            } finally {
                manager.swig().apply_settings(outgoingUtp(properties.utp()).swig());
            }
        }
    }

    private static SettingsPack outgoingUtp(boolean enabled) {
        SettingsPack pack = new SettingsPack();
        pack.setBoolean(bool_types.enable_outgoing_utp.swigValue(), enabled);
        return pack;
    }

    /** An outgoing uTP connect of a torrent or metadata fetch got no answer from the peer. */
    void failedOverUtp(InfoHash infoHash, String address, int port) {
        tcpOnlyPeers.failedOverUtp(infoHash, new TcpOnlyPeers.Endpoint(address, port));
    }

    @Nullable LibtorrentTorrent torrent(InfoHash infoHash) {
        return torrents.get(infoHash);
    }

    @Nullable MetadataFetch fetch(InfoHash infoHash) {
        return fetches.get(infoHash);
    }

    void resumeDataSaved(InfoHash infoHash, byte @Nullable [] data) {
        resumeKeeper.saved(infoHash, torrents.containsKey(infoHash) ? data : null);
    }

    void removed(InfoHash infoHash, boolean filesGone, @Nullable String failure) {
        Removal removal = removals.get(infoHash);
        if (removal == null || (removal.deleteFiles() && !filesGone && failure == null)) {
            return;
        }
        removals.remove(infoHash);
        if (failure != null) {
            removal.future().completeExceptionally(new TorrentEngineException(
                    "torrent " + infoHash + " removed, but its files were not deleted: " + failure));
        } else {
            removal.future().complete(null);
        }
    }

    /**
     * A listen socket opened (start-up, or a new binding): announce every torrent again at once, since
     * announces go out per listen socket, and one that failed while unbound would otherwise wait out its
     * retry back-off (tens of seconds to minutes).
     */
    void listening() {
        for (LibtorrentTorrent torrent : torrents.values()) {
            if (torrent.handle().isValid()) {
                torrent.handle().forceReannounce(0, -1, TorrentHandle.IGNORE_MIN_INTERVAL);
            }
        }
    }

    void publish(TorrentEvent event) {
        events.publish(event);
    }

    // ---- lifecycle

    @Override
    public void start() {
        lifecycleRunning = true;
        if (resumeKeeper.hasTorrents()) {
            session();
        }
    }

    @Override
    public void stop() {
        close();
        lifecycleRunning = false;
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    /** After the web server (whose phase is higher), so open streams end before the engine stops. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void close() {
        SessionManager manager;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            manager = session;
        }
        resumeTimer.shutdownNow();
        fetches.cancelAll();
        if (manager != null) {
            manager.pause();
            resumeKeeper.saveAll(torrents.values(), SHUTDOWN_SAVE_TIMEOUT);
            manager.stop();
            session = null;
            torrents.values().forEach(torrent -> torrent.onRemoved("is gone: the engine stopped"));
            log.info("torrent session stopped; resume data of {} torrents saved", torrents.size());
        }
        events.close();
    }

    private record Removal(boolean deleteFiles, CompletableFuture<Void> future) {
    }
}
