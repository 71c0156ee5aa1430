package app.marquee.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import app.marquee.accounts.AccountsProperties;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(new AccountsProperties(null, null, "k1", null,
            Duration.ofMinutes(15), Duration.ofDays(7), AccountsProperties.CookieSecure.AUTO, "__at", "__rt",
            new AccountsProperties.RateLimits(true, false), List.of("10.0.0.0/8", "127.0.0.1/32")));

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        MockHttpServletRequest request = request("203.0.113.9", "1.2.3.4");
        assertThat(addresses.clientIp(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        assertThat(addresses.clientIp(request("10.1.2.3", "6.6.6.6, 198.51.100.20, 10.9.9.9")))
                .isEqualTo("198.51.100.20");
        assertThat(addresses.clientIp(request("127.0.0.1", "garbage"))).isEqualTo("garbage");
    }

    @Test
    void httpsIsBelievedOnlyFromATrustedProxy() {
        MockHttpServletRequest viaProxy = request("10.1.2.3", null);
        viaProxy.addHeader("X-Forwarded-Proto", "https");
        assertThat(addresses.isSecure(viaProxy)).isTrue();
        MockHttpServletRequest direct = request("203.0.113.9", null);
        direct.addHeader("X-Forwarded-Proto", "https");
        assertThat(addresses.isSecure(direct)).isFalse();
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
