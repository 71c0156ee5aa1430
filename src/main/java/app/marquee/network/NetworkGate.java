package app.marquee.network;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;

import app.marquee.network.internal.VpnMonitor;

/**
 * The one way out for traffic that the VPN must carry. Ask it before sending, and take HTTP clients from it:
 * while a VPN interface is configured they are bound to its address, and while it is down there is no client
 * at all ({@link VpnDownException}), so nothing can leave through another interface.
 *
 * <p>Thread-safe. Clients are cached per local address and replaced when the VPN's address changes; take one
 * per request, do not keep it.
 */
@Component
public final class NetworkGate {

    /** What the traffic is for: indexers always follow the VPN; metadata APIs per {@code bind-metadata-apis}. */
    public enum Purpose {
        /** YTS and other indexers, tracker scrapes, torrent caches */
        INDEXER,
        /** TMDB and Trakt */
        METADATA
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final VpnMonitor monitor;
    private final VpnProperties properties;
    private final ConcurrentMap<Optional<InetAddress>, HttpClient> clients = new ConcurrentHashMap<>();

    NetworkGate(VpnMonitor monitor, VpnProperties properties) {
        this.monitor = monitor;
        this.properties = properties;
    }

    public VpnState vpn() {
        return monitor.current();
    }

    /**
     * False while the VPN is required and down: torrents pause, source tasks wait, new streams are refused.
     */
    public boolean isTorrentTrafficAllowed() {
        VpnState vpn = monitor.current();
        return vpn.status() != VpnState.Status.DOWN || !properties.required();
    }

    /** @throws VpnDownException while {@link #isTorrentTrafficAllowed()} is false */
    public void checkTorrentTrafficAllowed() {
        if (!isTorrentTrafficAllowed()) {
            throw new VpnDownException(monitor.current().reason());
        }
    }

    /**
     * The local address traffic of this purpose must leave from: empty when it is not bound (no VPN
     * configured, or metadata with {@code bind-metadata-apis=false}).
     *
     * @throws VpnDownException when it must be bound and the VPN is down
     */
    public Optional<InetAddress> localAddress(Purpose purpose) {
        VpnState vpn = monitor.current();
        if (vpn.isDisabled() || (purpose == Purpose.METADATA && !properties.bindMetadataApis())) {
            return Optional.empty();
        }
        if (!vpn.isUp()) {
            throw new VpnDownException(vpn.reason());
        }
        return VpnState.preferred(vpn.addresses());
    }

    /** An HTTP client for this purpose, bound as {@link #localAddress(Purpose)} says. */
    public HttpClient httpClient(Purpose purpose) {
        Optional<InetAddress> bound = localAddress(purpose);
        // clients of an address the VPN no longer has are dropped (the VPN reconnected with another)
        clients.keySet().removeIf(address -> address.isPresent() && !monitor.current().addresses().contains(address.get()));
        return clients.computeIfAbsent(bound, address -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL);
            address.ifPresent(builder::localAddress);
            return builder.build();
        });
    }

    /**
     * A Spring request factory that takes a fresh {@link #httpClient(Purpose)} for every request, for
     * {@code RestClient}s built once at start-up.
     */
    public ClientHttpRequestFactory requestFactory(Purpose purpose, Duration readTimeout) {
        return (uri, method) -> {
            JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient(purpose));
            factory.setReadTimeout(readTimeout);
            return factory.createRequest(uri, method);
        };
    }
}
