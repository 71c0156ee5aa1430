package app.marquee.network.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import app.marquee.network.VpnProperties;
import app.marquee.network.VpnState;
import app.marquee.network.VpnState.Status;
import app.marquee.network.VpnStateChanged;

/**
 * Watches the configured VPN interface every {@code marquee.vpn.check-interval} (1 s) and publishes a
 * {@link VpnStateChanged} on every change. The first reading is taken while the application starts, so the
 * state is known before the first request or torrent. A public-IP check that sees a home IP
 * ({@link PublicIpCheck}) holds the state DOWN until a later check clears it.
 */
@Component
public class VpnMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VpnMonitor.class);

    private final VpnProperties properties;
    private final InterfaceProbe probe;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<VpnState> state = new AtomicReference<>();
    private final AtomicReference<@Nullable String> leak = new AtomicReference<>();
    private @Nullable ScheduledExecutorService timer;

    public VpnMonitor(VpnProperties properties, InterfaceProbe probe, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.probe = probe;
        this.events = events;
        this.clock = clock;
        this.state.set(read());
        log.info("VPN: {}", describe(state.get()));
    }

    public VpnState current() {
        return state.get();
    }

    /** Reads the interface now and publishes a change if there is one. Thread-safe; called by the timer. */
    public synchronized VpnState check() {
        VpnState previous = state.get();
        VpnState next = read();
        if (next.differsFrom(previous)) {
            state.set(next);
            log.warn("VPN: {} (was {})", describe(next), previous.status());
            events.publishEvent(new VpnStateChanged(previous, next));
            return next;
        }
        return previous;
    }

    /**
     * The interface's addresses as the kernel has them now, whatever a public-IP check said: what that check
     * itself binds to, so it can see the VPN recover.
     */
    public List<java.net.InetAddress> interfaceAddresses() {
        String name = properties.interfaceName();
        if (name == null || name.isBlank()) {
            return List.of();
        }
        InterfaceProbe.Reading reading = probe.read(name);
        return reading.up() ? reading.addresses() : List.of();
    }

    /** Holds the VPN DOWN for the given reason (a public-IP check saw the home IP), or lifts that with null. */
    public void leakDetected(@Nullable String reason) {
        leak.set(reason);
        check();
    }

    private VpnState read() {
        String name = properties.interfaceName();
        if (name == null || name.isBlank()) {
            return new VpnState(Status.DISABLED, null, List.of(), clock.instant(), null);
        }
        InterfaceProbe.Reading reading = probe.read(name);
        String reason = !reading.present() ? "interface " + name + " does not exist"
                : !reading.up() ? "interface " + name + " is down"
                : reading.addresses().isEmpty() ? "interface " + name + " has no address"
                : leak.get();
        Status status = reason == null ? Status.UP : Status.DOWN;
        VpnState previous = state.get();
        boolean same = previous != null && previous.status() == status
                && previous.addresses().equals(status == Status.UP ? reading.addresses() : List.of());
        return new VpnState(status, name, status == Status.UP ? reading.addresses() : List.of(),
                same ? previous.since() : clock.instant(), reason);
    }

    private String describe(VpnState vpn) {
        return switch (vpn.status()) {
            case DISABLED -> "no interface configured (marquee.vpn.interface); traffic is not bound";
            case UP -> "up on " + vpn.interfaceName() + " " + vpn.addresses();
            case DOWN -> "DOWN: " + vpn.reason() + (properties.required()
                    ? "; torrent and indexer traffic is stopped until it is back"
                    : "; traffic bound to it cannot flow (marquee.vpn.required=false)");
        };
    }

    @Override
    public synchronized void start() {
        if (timer != null || state.get().isDisabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vpn-monitor").daemon().factory());
        long period = properties.checkInterval().toMillis();
        timer.scheduleWithFixedDelay(this::checkSafely, period, period, TimeUnit.MILLISECONDS);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // a listener failed: keep watching, the next change must still be published
            log.error("VPN state listener failed", e);
        }
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

    /** Early: the VPN state must be watched before the torrent engine and streams start. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
