package app.marquee.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import app.marquee.network.VpnProperties;
import app.marquee.network.VpnState;
import app.marquee.support.MovableClock;

class PublicIpCheckTest {

    private final AtomicReference<String> answer = new AtomicReference<>("198.51.100.77");

    @Test
    void aCheckThatSeesTheHomeIpTakesTheVpnDownAndAnotherIpBringsItBack() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            VpnProperties properties = new VpnProperties("lo", true, true, Duration.ofSeconds(1),
                    List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ip")),
                    List.of("198.51.100.0/24"), Duration.ofMinutes(5));
            VpnMonitor monitor = new VpnMonitor(properties, new InterfaceProbe(), event -> { }, MovableClock.startingNow());
            assertThat(monitor.current().isUp()).as("the loopback interface is up").isTrue();
            PublicIpCheck check = new PublicIpCheck(properties, monitor,
                    JsonMapper.builder().build());

            check.runOnce();
            assertThat(monitor.current().status()).isEqualTo(VpnState.Status.DOWN);
            assertThat(monitor.current().reason()).contains("home IP 198.51.100.77");

            answer.set("{\"ip\":\"203.0.113.9\"}");
            check.runOnce();
            assertThat(monitor.current().isUp()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void answersAreReadAsTextOrJsonAndGarbageIsIgnored() {
        VpnProperties properties = new VpnProperties(null, false, true, Duration.ofSeconds(1), List.of(),
                List.of("192.0.2.0/24", "2001:db8::/32"), Duration.ofMinutes(5));
        VpnMonitor monitor = new VpnMonitor(properties, new InterfaceProbe(), event -> { }, MovableClock.startingNow());
        PublicIpCheck check = new PublicIpCheck(properties, monitor,
                JsonMapper.builder().build());
        assertThat(check.parse(" 192.0.2.4\n")).contains(InetAddress.ofLiteral("192.0.2.4"));
        assertThat(check.parse("{\"ip\": \"2001:db8::1\"}")).contains(InetAddress.ofLiteral("2001:db8::1"));
        assertThat(check.parse("<html>blocked</html>")).isEmpty();
        assertThat(check.parse("{\"ip\": \"example.com\"}")).isEmpty();
        assertThat(check.isHome(InetAddress.ofLiteral("192.0.2.200"))).isTrue();
        assertThat(check.isHome(InetAddress.ofLiteral("2001:db8::5"))).isTrue();
        assertThat(check.isHome(InetAddress.ofLiteral("203.0.113.1"))).isFalse();
    }
}
