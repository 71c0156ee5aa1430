package app.marquee.accounts.internal;

import org.jspecify.annotations.Nullable;

/**
 * Who made a request, as far as the server can tell: the client IP (after trusted proxies) and its
 * user agent, cut to the column sizes.
 */
public record ClientInfo(@Nullable String ip, @Nullable String userAgent) {

    public ClientInfo {
        if (ip != null && ip.length() > 45) {
            ip = ip.substring(0, 45);
        }
        if (userAgent != null && userAgent.length() > 512) {
            userAgent = userAgent.substring(0, 512);
        }
    }

    public static final ClientInfo SERVER = new ClientInfo(null, "marquee (start-up)");
}
