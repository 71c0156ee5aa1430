package app.marquee.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import app.marquee.MarqueeApplication;
import app.marquee.support.ApiClient;
import app.marquee.support.NetnsLab;
import app.marquee.torrent.TorrentEngine;

/**
 * The fail-closed VPN on a real network the test builds (notes/network.md): traffic bound through the gate
 * reaches a server behind the VPN link; when the link is deleted, the gate refuses within a second, the status
 * says so, and not one packet leaves through the home link, although a route through it exists (an unbound
 * request takes it, which shows the check can fail); when the link returns, everything works again.
 */
class VpnKillSwitchIT {

    private static final int PEER_PORT = 8089;

    @TempDir
    Path dataDir;

    @Test
    void aDroppedVpnStopsBoundTrafficAtOnceAndNothingLeaksThroughTheHomeLink() throws Exception {
        try (NetnsLab lab = NetnsLab.create(); ConfigurableApplicationContext app = start(lab)) {
            lab.startHttpServer(PEER_PORT);
            NetworkGate gate = app.getBean(NetworkGate.class);
            List<VpnStateChanged> events = new CopyOnWriteArrayList<>();
            app.addApplicationListener((ApplicationListener<PayloadApplicationEvent<VpnStateChanged>>) event -> {
                if (event.getPayload() instanceof VpnStateChanged change) {
                    events.add(change);
                }
            });
            ApiClient anonymous = ApiClient.anonymous(port(app));
            URI peer = URI.create("http://" + lab.peerAddress() + ":" + PEER_PORT + "/");

            assertThat(anonymous.get("/api/status").json().path("vpn").path("isVpnActive").asBoolean()).isTrue();
            assertThat(anonymous.get("/api/status").json().path("vpn").path("disabled").asBoolean()).isFalse();
            assertThat(send(gate.httpClient(NetworkGate.Purpose.INDEXER), peer)).isEqualTo(200);
            assertThat(gate.localAddress(NetworkGate.Purpose.INDEXER)).hasValueSatisfying(
                    address -> assertThat(address.getHostAddress()).isEqualTo(lab.vpnAddress()));
            TorrentEngine engine = app.getBean(TorrentEngine.class);
            assertThat(engine.binding().device()).as("torrents only use the VPN interface").isEqualTo(lab.vpnInterface());
            assertThat(engine.isPaused()).isFalse();

            long homePacketsBefore = lab.homeTxPackets();
            long droppedAt = System.nanoTime();
            lab.vpnDown();
            waitFor(() -> !gate.isTorrentTrafficAllowed(), Duration.ofSeconds(3));
            long detectedMillis = (System.nanoTime() - droppedAt) / 1_000_000;
            assertThat(detectedMillis).as("noticed within a second (check interval 200 ms)").isLessThan(1_000);
            waitFor(() -> events.stream().anyMatch(e -> e.current().status() == VpnState.Status.DOWN), Duration.ofSeconds(1));

            assertThatThrownBy(() -> gate.httpClient(NetworkGate.Purpose.INDEXER)).isInstanceOf(VpnDownException.class);
            waitFor(engine::isPaused, Duration.ofSeconds(1));
            assertThatThrownBy(gate::checkTorrentTrafficAllowed).isInstanceOf(VpnDownException.class);
            assertThat(anonymous.get("/api/status").json().path("vpn").path("isVpnActive").asBoolean()).isFalse();
            assertThat(anonymous.get("/actuator/health").json().path("components").path("vpn").path("status").asString())
                    .isEqualTo("DOWN");
            Thread.sleep(300);
            assertThat(lab.homeTxPackets()).as("nothing left through the home link").isEqualTo(homePacketsBefore);

            try (HttpClient unbound = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()) {
                assertThatThrownBy(() -> send(unbound, peer)).isInstanceOf(IOException.class);
            }
            assertThat(lab.homeTxPackets()).as("an unbound request does take the home route: the check works")
                    .isGreaterThan(homePacketsBefore);

            lab.vpnUp();
            waitFor(gate::isTorrentTrafficAllowed, Duration.ofSeconds(3));
            // the state is visible a moment before listeners hear of it
            waitFor(() -> events.getLast().current().isUp(), Duration.ofSeconds(1));
            waitFor(() -> !engine.isPaused(), Duration.ofSeconds(1));
            assertThat(send(gate.httpClient(NetworkGate.Purpose.INDEXER), peer)).isEqualTo(200);
            assertThat(anonymous.get("/api/status").json().path("vpn").path("isVpnActive").asBoolean()).isTrue();
        }
    }

    @Test
    void aServerStartedWhileTheVpnIsDownServesTheApiWithTorrentTrafficOff() throws Exception {
        try (NetnsLab lab = NetnsLab.create()) {
            lab.vpnDown();
            try (ConfigurableApplicationContext app = start(lab)) {
                NetworkGate gate = app.getBean(NetworkGate.class);
                assertThat(gate.isTorrentTrafficAllowed()).isFalse();
                assertThat(app.getBean(TorrentEngine.class).isPaused()).as("torrent traffic off from the start").isTrue();
                ApiClient anonymous = ApiClient.anonymous(port(app));
                assertThat(anonymous.get("/api/health").status()).isEqualTo(200);
                assertThat(anonymous.get("/api/status").json().path("vpn").path("isVpnActive").asBoolean()).isFalse();
                assertThat(ApiClient.admin(port(app)).get("/api/auth/session").status()).isEqualTo(200);

                lab.vpnUp();
                waitFor(gate::isTorrentTrafficAllowed, Duration.ofSeconds(3));
                waitFor(() -> !app.getBean(TorrentEngine.class).isPaused(), Duration.ofSeconds(3));
            }
        }
    }

    private ConfigurableApplicationContext start(NetnsLab lab) {
        return new SpringApplicationBuilder(MarqueeApplication.class).run(
                "--marquee.data-dir=" + dataDir, "--server.port=0",
                "--marquee.vpn.interface=" + lab.vpnInterface(), "--marquee.vpn.required=true",
                "--marquee.vpn.check-interval=200ms");
    }

    private static int send(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(20);
        }
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
