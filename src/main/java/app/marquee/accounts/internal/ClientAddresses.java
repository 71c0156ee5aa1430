package app.marquee.accounts.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import app.marquee.accounts.AccountsProperties;

/**
 * Who is calling: the peer address, or, when the peer is a trusted proxy ({@code marquee.accounts.trusted-proxies}),
 * the nearest address in {@code X-Forwarded-For} that is not one. A header from an untrusted peer is ignored,
 * so nobody can pick their own address to dodge a rate limit.
 */
@Component
public class ClientAddresses {

    private final List<IpAddressMatcher> trusted;

    public ClientAddresses(AccountsProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    public String clientIp(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    /** True when the request came over HTTPS, directly or as a trusted proxy says. */
    public boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || (isTrusted(request.getRemoteAddr())
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")));
    }

    public ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(clientIp(request), request.getHeader("User-Agent"));
    }

    private boolean isTrusted(String address) {
        for (IpAddressMatcher matcher : trusted) {
            try {
                if (matcher.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false; // not an IP address at all
            }
        }
        return false;
    }
}
