package app.marquee.network.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import app.marquee.network.VpnProperties;
import app.marquee.network.VpnState;

/**
 * The optional second opinion on the VPN: every {@code ip-check-period}, ask each {@code ip-check-urls}
 * service which public IP our traffic comes from, bound to the VPN interface. If one answers an address of
 * {@code home-ips}, the VPN is not carrying our traffic, and it is treated as down.
 */
@Component
public class PublicIpCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicIpCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final VpnProperties properties;
    private final VpnMonitor monitor;
    private final JsonMapper json;
    private final List<IpAddressMatcher> home;
    private @Nullable ScheduledExecutorService timer;

    public PublicIpCheck(VpnProperties properties, VpnMonitor monitor, JsonMapper json) {
        this.properties = properties;
        this.monitor = monitor;
        this.json = json;
        this.home = properties.homeIps().stream().map(IpAddressMatcher::new).toList();
    }

    /** Runs every configured check once and tells the monitor what it saw. */
    public void runOnce() {
        for (URI url : properties.ipCheckUrls()) {
            Optional<InetAddress> seen = ask(url);
            if (seen.isEmpty()) {
                continue;
            }
            if (isHome(seen.get())) {
                monitor.leakDetected("a public-IP check (" + url.getHost() + ") saw the home IP "
                        + seen.get().getHostAddress());
                return;
            }
            monitor.leakDetected(null);
            return;
        }
    }

    boolean isHome(InetAddress address) {
        return home.stream().anyMatch(matcher -> matcher.matches(address.getHostAddress()));
    }

    /** The address in a check's answer: plain text, or JSON with an {@code ip} field. */
    Optional<InetAddress> parse(String body) {
        String text = body.strip();
        if (text.startsWith("{")) {
            try {
                text = json.readTree(text).path("ip").asString("");
            } catch (JacksonException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(InetAddress.ofLiteral(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks through the interface itself rather than through the gate: while a check holds the VPN down the gate
     * refuses, and the check must still be able to see the VPN recover.
     */
    private Optional<InetAddress> ask(URI url) {
        Optional<InetAddress> bind = VpnState.preferred(monitor.interfaceAddresses());
        if (bind.isEmpty()) {
            return Optional.empty();
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).localAddress(bind.get()).build()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : Optional.empty();
        } catch (IOException e) {
            log.debug("public-IP check {} failed: {}", url, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public synchronized void start() {
        if (timer != null || properties.ipCheckUrls().isEmpty() || monitor.current().isDisabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("public-ip-check").daemon().factory());
        long period = properties.ipCheckPeriod().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.error("public-IP check failed", e);
            }
        }, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
