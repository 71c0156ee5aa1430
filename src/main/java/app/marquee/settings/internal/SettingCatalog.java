package app.marquee.settings.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The settings of CONFIG.md that {@code /api/config} may change, by service. Left out on purpose, so that the
 * API can never move where data lives, which database is used, or the keys that protect it: paths to programs
 * and directories ({@code marquee.data-dir}, {@code marquee.streaming.download-dir}, {@code marquee.playback.ffmpeg}
 * and {@code ffprobe}),
 * the server port, the database and Redis connections, the first admin ({@code marquee.admin.*}, used only on an
 * empty database) and the JWT, encryption and blind-index keys. Those are named by {@link #isReserved} so a
 * request for one gets a clear refusal.
 *
 * <p>Three services re-read their settings in place when restarted: {@code tmdb} (credentials, endpoint, rate
 * and timeout; its cache settings wait for a process restart), {@code trakt} and the Torznab indexers of
 * {@code indexers}. Every other change takes effect at the next process start.
 */
final class SettingCatalog {

    /** Service groups that can re-read some of their settings without a process restart. */
    static final Set<String> LIVE_SERVICES = Set.of("tmdb", "trakt", "indexers");

    private static final List<String> RESERVED_PREFIXES = List.of("marquee.data-dir", "marquee.streaming.download-dir",
            "marquee.playback.ffmpeg", "marquee.playback.ffprobe", "marquee.admin.", "marquee.accounts.jwt-secret", "marquee.accounts.encryption-key",
            "marquee.accounts.blind-index-key", "spring.", "server.", "management.", "logging.");

    private static final List<Setting> SETTINGS = build();

    private SettingCatalog() {
    }

    static List<Setting> all() {
        return SETTINGS;
    }

    /** The setting a concrete key names (an instance of an indexed one included), or empty. */
    static Optional<Setting> find(String key) {
        for (Setting setting : SETTINGS) {
            if (setting.match(key) != null) {
                return Optional.of(setting.as(key));
            }
        }
        return Optional.empty();
    }

    /** The instance index of a concrete key of an indexed setting, else null. */
    static @Nullable Integer instanceOf(String key) {
        for (Setting setting : SETTINGS) {
            Integer index = setting.match(key);
            if (index != null) {
                return index < 0 ? null : index;
            }
        }
        return null;
    }

    /** The service groups, in catalog order. */
    static Set<String> services() {
        Set<String> services = new LinkedHashSet<>();
        SETTINGS.forEach(s -> services.add(s.service()));
        return services;
    }

    /** A setting Marquee has that the API must never change. */
    static boolean isReserved(String key) {
        return RESERVED_PREFIXES.stream().anyMatch(key::startsWith);
    }

    private static List<Setting> build() {
        List<Setting> all = new ArrayList<>();
        Group tmdb = new Group(all, "tmdb", true);
        tmdb.add("marquee.tmdb.base-url", "TMDB API root (default https://api.themoviedb.org/3)");
        tmdb.secret("marquee.tmdb.access-token", "TMDB API read access token, sent as a Bearer token", true);
        tmdb.secret("marquee.tmdb.api-key", "TMDB v3 API key, used when no access token is set", false);
        tmdb.add("marquee.tmdb.requests-per-second", "client-side rate limit (default 40)");
        tmdb.add("marquee.tmdb.timeout", "longest one TMDB call may take (default 10s)");
        Group tmdbCache = new Group(all, "tmdb", false);
        tmdbCache.add("marquee.tmdb.cache-ttl", "TMDB response cache lifetime (default 24h)");
        tmdbCache.add("marquee.tmdb.cache-key-prefix", "prefix of the response cache's Redis keys (default marquee:tmdb:)");

        Group trakt = new Group(all, "trakt", true);
        trakt.add("marquee.trakt.base-url", "Trakt API root (default https://api.trakt.tv)");
        trakt.required("marquee.trakt.client-id", "Trakt app client id");
        trakt.secret("marquee.trakt.client-secret", "Trakt app client secret", true);

        Group torznab = new Group(all, "indexers", true);
        torznab.required("marquee.indexers.torznab[n].name",
                "name of a Torznab indexer (letters, digits, - and _), shown as torznab-<name> in /api/status");
        torznab.required("marquee.indexers.torznab[n].url", "Torznab API URL (Prowlarr http://prowlarr:9696/<id>/api, Jackett)");
        torznab.secret("marquee.indexers.torznab[n].api-key", "the indexer's API key", false);
        torznab.add("marquee.indexers.torznab[n].enabled", "false leaves the indexer configured but never asked (default true)");
        torznab.add("marquee.indexers.torznab[n].timeout", "longest one request may take (default 10s)");
        torznab.add("marquee.indexers.torznab[n].min-interval", "least time between two requests (default 1s)");
        torznab.add("marquee.indexers.torznab[n].cooldown", "how long a failed indexer is skipped (default 60s)");
        Group eztv = new Group(all, "indexers", false);
        eztv.add("marquee.indexers.eztv.mirrors", "EZTV API mirrors, in order, comma-separated");
        eztv.add("marquee.indexers.eztv.timeout", "per request to one mirror (default 10s)");
        eztv.add("marquee.indexers.eztv.min-interval", "between two requests to one mirror (default 500ms)");
        eztv.add("marquee.indexers.eztv.mirror-cooldown", "how long a failed mirror is skipped (default 60s)");

        Group yts = new Group(all, "yts", false);
        yts.add("marquee.yts.mirrors", "YTS API mirrors, in order, comma-separated (default: five known mirrors)");
        yts.add("marquee.yts.min-interval", "between two requests to one mirror (default 100ms)");
        yts.add("marquee.yts.mirror-cooldown", "how long a failed mirror is skipped (default 60s)");
        yts.add("marquee.yts.timeout", "per request to one mirror (default 10s)");

        Group sources = new Group(all, "sources", false);
        sources.add("marquee.sources.on-demand-wait", "how long a request waits for a movie's first source search (default 1200ms)");
        sources.add("marquee.sources.resync-after", "search a movie's sources again after (default 7d)");
        sources.add("marquee.sources.stats-max-age", "scrape seeders again after (default 15m)");
        sources.add("marquee.sources.scrape-batch", "info-hashes per tracker-stats run (default 50)");
        sources.add("marquee.sources.metadata-timeout", "one metadata fetch from peers (default 60s)");
        sources.add("marquee.sources.metadata-fetches", "metadata fetches at once (default 4)");
        sources.add("marquee.sources.metadata-attempts", "tries of a torrent nobody serves (default 5)");
        sources.add("marquee.sources.metadata-retry-after", "time between those tries (default 10m)");
        sources.add("marquee.sources.min-video-size", "smaller videos are rejected (default 1MB)");
        sources.add("marquee.sources.max-video-size", "larger videos are rejected (default 200GB)");

        Group playback = new Group(all, "playback", false);
        playback.add("marquee.playback.max-transcodes", "ffmpeg encodes at once, audio or full transcodes (default 1)");
        playback.add("marquee.playback.preset", "x264 preset of full transcodes (default veryfast)");
        Group subtitles = new Group(all, "subtitles", false);
        subtitles.add("marquee.subtitles.opensubtitles.base-url", "OpenSubtitles REST API root");
        subtitles.secret("marquee.subtitles.opensubtitles.api-key", "OpenSubtitles API key; unset turns external subtitles off",
                false);
        subtitles.add("marquee.subtitles.opensubtitles.user-agent", "the application name registered with OpenSubtitles");

        Group torrent = new Group(all, "torrent", false);
        torrent.add("marquee.torrent.trackers", "base tracker list of magnets, comma-separated (default: YTS's trackers)");
        torrent.add("marquee.torrent.extra-trackers", "trackers appended to every magnet (default none)");
        torrent.add("marquee.torrent.cache-urls", "torrent cache URL templates with {hash} (default none)");
        torrent.add("marquee.torrent.listen-port", "BitTorrent listen port, 0 for any (default 0)");
        torrent.add("marquee.torrent.dht", "DHT peer discovery (default true)");
        torrent.add("marquee.torrent.lsd", "local service discovery (default true; off with a VPN interface)");
        torrent.add("marquee.torrent.upnp", "UPnP port mapping (default false; never with a VPN interface)");
        torrent.add("marquee.torrent.natpmp", "NAT-PMP port mapping (default false; never with a VPN interface)");
        torrent.add("marquee.torrent.utp", "uTP for outgoing connections (default true)");
        torrent.add("marquee.torrent.max-connections", "session connection limit (default 200)");
        torrent.add("marquee.torrent.pex", "peer exchange (default true)");
        torrent.add("marquee.torrent.bind-interface", "device or local address BitTorrent uses (default all)");
        torrent.add("marquee.torrent.resume-save-interval", "how often resume data is saved (default 30s)");

        Group streaming = new Group(all, "streaming", false);
        streaming.add("marquee.streaming.max-disk", "download quota (default 50GB)");
        streaming.add("marquee.streaming.idle-timeout", "stop torrents nobody reads after (default 10m)");
        streaming.add("marquee.streaming.key-ttl", "streaming key lifetime (default 6h)");
        streaming.add("marquee.streaming.read-timeout", "a read not served in time ends with 504 (default 30s)");

        Group vpn = new Group(all, "vpn", false);
        vpn.add("marquee.vpn.interface", "VPN interface (wg0, tun0) torrent and indexer traffic must use (default unset)");
        vpn.add("marquee.vpn.required", "pause torrents and source tasks while the VPN is down (default false)");
        vpn.add("marquee.vpn.bind-metadata-apis", "bind TMDB and Trakt calls to the VPN too (default true)");
        vpn.add("marquee.vpn.check-interval", "interface check period (default 1s)");
        vpn.add("marquee.vpn.ip-check-urls", "public-IP check services, comma-separated (default none)");
        vpn.add("marquee.vpn.home-ips", "home IPs or CIDRs: a check that sees one means the VPN is down (default none)");
        vpn.add("marquee.vpn.ip-check-period", "how often the public-IP checks run (default 5m)");

        Group sync = new Group(all, "sync", false);
        sync.add("marquee.sync.enabled", "master switch of the background tasks (default true)");
        for (String task : List.of("list-refresh", "movie-sync", "season-sync", "source-search", "torrent-files",
                "tracker-stats", "source-resync")) {
            sync.add("marquee.sync." + task + ".enabled", "runs the " + task + " task (default true)");
            sync.add("marquee.sync." + task + ".period", "period of the " + task + " task");
        }

        Group accounts = new Group(all, "accounts", false);
        accounts.add("marquee.accounts.access-token-ttl", "access token lifetime (default 15m)");
        accounts.add("marquee.accounts.refresh-token-ttl", "refresh token lifetime (default 7d)");
        accounts.add("marquee.accounts.cookie-secure", "auto, true or false (default auto)");
        accounts.add("marquee.accounts.access-cookie", "access cookie base name (default __at)");
        accounts.add("marquee.accounts.refresh-cookie", "refresh cookie base name (default __rt)");
        accounts.add("marquee.accounts.rate-limits.enabled", "per-IP limits and login lockout (default true)");
        accounts.add("marquee.accounts.rate-limits.test-mode", "limit only requests with X-Force-RateLimit (default false)");
        accounts.add("marquee.accounts.trusted-proxies", "CIDRs whose X-Forwarded-For is believed (default none)");
        return List.copyOf(all);
    }

    /** Adds the settings of one service that share whether they reload in place. */
    private record Group(List<Setting> all, String service, boolean liveReload) {

        void add(String key, String description) {
            all.add(new Setting(key, service, description, false, false, liveReload));
        }

        void required(String key, String description) {
            all.add(new Setting(key, service, description, false, true, liveReload));
        }

        void secret(String key, String description, boolean required) {
            all.add(new Setting(key, service, description, true, required, liveReload));
        }
    }
}
