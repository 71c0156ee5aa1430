package app.marquee.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import app.marquee.network.internal.InterfaceProbe;
import app.marquee.network.internal.VpnMonitor;
import app.marquee.support.MovableClock;

class VpnMonitorTest {

    private final MovableClock clock = MovableClock.startingNow();
    private final List<VpnStateChanged> events = new ArrayList<>();
    private final AtomicReference<InterfaceProbe.Reading> reading = new AtomicReference<>(
            new InterfaceProbe.Reading(true, true, List.of(InetAddress.ofLiteral("10.8.0.2"))));
    private final org.springframework.context.ApplicationEventPublisher publisher =
            event -> events.add((VpnStateChanged) event);
    private final InterfaceProbe probe = new InterfaceProbe() {
        @Override
        public Reading read(String name) {
            return reading.get();
        }
    };

    @Test
    void withoutAnInterfaceTheVpnIsDisabledAndNothingIsBound() {
        VpnProperties properties = properties(null, false);
        VpnMonitor monitor = new VpnMonitor(properties, probe, publisher, clock);
        assertThat(monitor.current().isDisabled()).isTrue();
        NetworkGate gate = gate(monitor, properties);
        assertThat(gate.isTorrentTrafficAllowed()).isTrue();
        assertThat(gate.localAddress(NetworkGate.Purpose.INDEXER)).isEmpty();
    }

    @Test
    void goingDownAndUpPublishesEachChangeOnce() {
        VpnMonitor monitor = new VpnMonitor(properties("wg0", true), probe, publisher, clock);
        assertThat(monitor.current().isUp()).isTrue();

        monitor.check();
        assertThat(events).as("no change, no event").isEmpty();

        reading.set(new InterfaceProbe.Reading(false, false, List.of()));
        clock.advance(Duration.ofSeconds(1));
        monitor.check();
        monitor.check();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().current().status()).isEqualTo(VpnState.Status.DOWN);
        assertThat(events.getFirst().current().reason()).isEqualTo("interface wg0 does not exist");

        reading.set(new InterfaceProbe.Reading(true, false, List.of(InetAddress.ofLiteral("10.8.0.2"))));
        monitor.check();
        assertThat(events).as("missing -> present but down: still DOWN, same addresses").hasSize(1);

        reading.set(new InterfaceProbe.Reading(true, true, List.of(InetAddress.ofLiteral("10.8.0.9"))));
        monitor.check();
        assertThat(events).hasSize(2);
        assertThat(events.getLast().current().addresses()).containsExactly(InetAddress.ofLiteral("10.8.0.9"));
    }

    @Test
    void aRequiredVpnThatIsDownStopsTrafficAndBindingNeverFallsBack() {
        VpnProperties properties = properties("wg0", true);
        VpnMonitor monitor = new VpnMonitor(properties, probe, publisher, clock);
        NetworkGate gate = gate(monitor, properties);
        assertThat(gate.localAddress(NetworkGate.Purpose.INDEXER)).contains(InetAddress.ofLiteral("10.8.0.2"));

        reading.set(new InterfaceProbe.Reading(true, true, List.of()));
        monitor.check();
        assertThat(gate.isTorrentTrafficAllowed()).isFalse();
        assertThatThrownBy(gate::checkTorrentTrafficAllowed).isInstanceOf(VpnDownException.class)
                .hasMessageContaining("has no address");
        assertThatThrownBy(() -> gate.httpClient(NetworkGate.Purpose.INDEXER)).isInstanceOf(VpnDownException.class);
    }

    @Test
    void aVpnThatIsNotRequiredStillBindsButDoesNotStopTorrents() {
        VpnProperties properties = properties("wg0", false);
        VpnMonitor monitor = new VpnMonitor(properties, probe, publisher, clock);
        reading.set(new InterfaceProbe.Reading(false, false, List.of()));
        monitor.check();
        NetworkGate gate = gate(monitor, properties);
        assertThat(gate.isTorrentTrafficAllowed()).isTrue();
        assertThatThrownBy(() -> gate.localAddress(NetworkGate.Purpose.INDEXER)).isInstanceOf(VpnDownException.class);
    }

    @Test
    void metadataApisFollowTheirOwnSwitch() {
        VpnProperties unbound = new VpnProperties("wg0", true, false, Duration.ofSeconds(1), List.of(), List.of(),
                Duration.ofMinutes(5));
        VpnMonitor monitor = new VpnMonitor(unbound, probe, publisher, clock);
        NetworkGate gate = gate(monitor, unbound);
        assertThat(gate.localAddress(NetworkGate.Purpose.METADATA)).isEmpty();
        assertThat(gate.localAddress(NetworkGate.Purpose.INDEXER)).isPresent();
    }

    @Test
    void aLeakReportHoldsTheVpnDownUntilLifted() {
        VpnMonitor monitor = new VpnMonitor(properties("wg0", true), probe, publisher, clock);
        monitor.leakDetected("a public-IP check saw the home IP 203.0.113.5");
        assertThat(monitor.current().status()).isEqualTo(VpnState.Status.DOWN);
        monitor.check();
        assertThat(monitor.current().status()).isEqualTo(VpnState.Status.DOWN);
        monitor.leakDetected(null);
        assertThat(monitor.current().isUp()).isTrue();
        assertThat(events).hasSize(2);
    }

    static VpnProperties properties(String name, boolean required) {
        return new VpnProperties(name, required, true, Duration.ofSeconds(1), List.of(), List.of(), Duration.ofMinutes(5));
    }

    static NetworkGate gate(VpnMonitor monitor, VpnProperties properties) {
        return new NetworkGate(monitor, properties);
    }
}
