package app.marquee.accounts.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import app.marquee.accounts.AccountsProperties;
import app.marquee.accounts.internal.ClientAddresses;
import app.marquee.accounts.internal.IssuedSession;
import app.marquee.accounts.internal.Tokens;

/**
 * The two HttpOnly cookies of each session (API.md "Sessions and cookies"): {@code __at_<session>} with the
 * access token on path {@code /}, and {@code __rt_<session>} with the refresh token on {@code /api/auth/}
 * only, both SameSite=Strict. Secure when the request came over HTTPS (or always/never, as configured).
 */
@Component
public class SessionCookies {

    /** Cookie values longer than this are not tokens of ours; they are ignored, not parsed. */
    static final int MAX_VALUE_LENGTH = 4096;
    /** The cookie that names the active session of server-rendered pages, which cannot send headers. */
    public static final String ACTIVE_SESSION = "__session";

    private final AccountsProperties properties;
    private final ClientAddresses addresses;
    private final Clock clock;

    public SessionCookies(AccountsProperties properties, ClientAddresses addresses, Clock clock) {
        this.properties = properties;
        this.addresses = addresses;
        this.clock = clock;
    }

    public void issue(HttpServletRequest request, HttpServletResponse response, IssuedSession session) {
        boolean secure = secure(request);
        add(response, cookie(accessName(session.sessionId()), session.accessToken(), "/", secure,
                Duration.between(clock.instant(), session.accessExpiresAt())));
        add(response, cookie(refreshName(session.sessionId()), session.refreshToken(), "/api/auth/", secure,
                Duration.between(clock.instant(), session.refreshExpiresAt())));
    }

    public void clear(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        boolean secure = secure(request);
        add(response, cookie(accessName(sessionId), "", "/", secure, Duration.ZERO));
        add(response, cookie(refreshName(sessionId), "", "/api/auth/", secure, Duration.ZERO));
    }

    /** Names the session that server-rendered pages of this browser act in (the profile picked last). */
    public void activate(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        add(response, cookie(ACTIVE_SESSION, sessionId, "/", secure(request), properties.refreshTokenTtl()));
    }

    /** The sessions whose refresh cookie this request carries (only requests under {@code /api/auth/} carry them). */
    public List<String> refreshCookieSessions(HttpServletRequest request) {
        Cookie[] all = request.getCookies();
        if (all == null) {
            return List.of();
        }
        String prefix = properties.refreshCookie() + "_";
        List<String> ids = new ArrayList<>();
        for (Cookie cookie : all) {
            if (cookie.getName().startsWith(prefix)) {
                String id = cookie.getName().substring(prefix.length());
                if (Tokens.isSessionId(id) && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    public @Nullable String accessToken(HttpServletRequest request, String sessionId) {
        return value(request, accessName(sessionId));
    }

    public @Nullable String refreshToken(HttpServletRequest request, String sessionId) {
        return value(request, refreshName(sessionId));
    }

    public static @Nullable String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                String value = cookie.getValue();
                return value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH ? null : value;
            }
        }
        return null;
    }

    private String accessName(String sessionId) {
        return properties.accessCookie() + "_" + sessionId;
    }

    private String refreshName(String sessionId) {
        return properties.refreshCookie() + "_" + sessionId;
    }

    private boolean secure(HttpServletRequest request) {
        return switch (properties.cookieSecure()) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> addresses.isSecure(request);
        };
    }

    private static ResponseCookie cookie(String name, String value, String path, boolean secure, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path(path)
                .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
                .build();
    }

    private static void add(HttpServletResponse response, ResponseCookie cookie) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
