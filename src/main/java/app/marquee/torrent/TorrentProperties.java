package app.marquee.torrent;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The BitTorrent engine ({@code marquee.torrent.*}, CONFIG.md).
 *
 * @param trackers the base tracker list of every magnet, replaced as a whole; the default is the list YTS
 *     recommends for its magnets (tests set a local tracker, so nothing reaches a public one)
 * @param extraTrackers appended to every magnet
 * @param cacheUrls URL templates with {@code {hash}} of torrent caches to fetch metadata from
 * @param listenPort the BitTorrent listen port; 0 takes any free port
 * @param dht distributed hash table peer discovery
 * @param lsd local service discovery (never while a VPN interface is set)
 * @param upnp router port mapping (never while a VPN interface is set: it would open the home IP)
 * @param natpmp router port mapping, as {@code upnp}
 * @param utp uTP for outgoing connections
 * @param maxConnections connections of the whole session
 * @param pex peer exchange (BEP 11) between connected peers
 * @param bindInterface the one device name or local address the session listens on and connects from; unset
 *     for all interfaces (a VPN interface, once the network module binds it, takes over at run time)
 * @param resumeSaveInterval how often resume data of changed torrents is saved (also saved at shutdown)
 */
@Validated
@ConfigurationProperties(prefix = "marquee.torrent", ignoreUnknownFields = false)
public record TorrentProperties(
        @NotNull @DefaultValue({
            "udp://open.demonii.com:1337/announce",
            "udp://tracker.openbittorrent.com:80",
            "udp://tracker.coppersurfer.tk:6969",
            "udp://glotorrents.pw:6969/announce",
            "udp://tracker.opentrackr.org:1337/announce",
            "udp://torrent.gresille.org:80/announce",
            "udp://p4p.arenabg.com:1337",
            "udp://tracker.leechers-paradise.org:6969"}) List<@NotBlank String> trackers,
        @NotNull @DefaultValue({}) List<@NotBlank String> extraTrackers,
        @NotNull @DefaultValue({}) List<@NotBlank String> cacheUrls,
        @Min(0) @Max(65535) @DefaultValue("0") int listenPort,
        @DefaultValue("true") boolean dht,
        @DefaultValue("true") boolean lsd,
        @DefaultValue("false") boolean upnp,
        @DefaultValue("false") boolean natpmp,
        @DefaultValue("true") boolean utp,
        @Min(2) @DefaultValue("200") int maxConnections,
        @DefaultValue("true") boolean pex,
        @Nullable String bindInterface,
        @NotNull @DefaultValue("30s") Duration resumeSaveInterval) {

    public TorrentProperties {
        if (bindInterface != null && bindInterface.isBlank()) {
            bindInterface = null;
        }
    }

    /** Every tracker a magnet names: {@link #trackers()}, then {@link #extraTrackers()}, without duplicates. */
    public List<String> allTrackers() {
        return List.copyOf(new LinkedHashSet<>(Stream.concat(trackers.stream(), extraTrackers.stream()).toList()));
    }

    /** The binding of {@link #bindInterface()}. */
    public InterfaceBinding binding() {
        return bindInterface == null ? InterfaceBinding.any() : InterfaceBinding.to(bindInterface);
    }
}
