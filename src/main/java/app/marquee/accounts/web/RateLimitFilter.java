package app.marquee.accounts.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import app.marquee.accounts.AccountsProperties;
import app.marquee.accounts.internal.AuditEntry.Outcome;
import app.marquee.accounts.internal.AuditEvent;
import app.marquee.accounts.internal.AuditTrail;
import app.marquee.accounts.internal.ClientAddresses;
import app.marquee.accounts.internal.RateLimiter;
import app.marquee.accounts.internal.RateLimiter.Group;

/**
 * Per client IP and route limits on {@code /api}, answered with 429, {@code Retry-After} and API.md's body.
 * Streams, health and status are not limited. In test mode ({@code marquee.accounts.rate-limits.test-mode})
 * only requests carrying {@code X-Force-RateLimit: true} count, which Miauflix's client test suites rely on.
 * A limited client is audited at most once a minute per route group, so a flood cannot flood the trail.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String FORCE_HEADER = "X-Force-RateLimit";

    private final RateLimiter limiter;
    private final AccountsProperties.RateLimits settings;
    private final ClientAddresses addresses;
    private final AuditTrail audit;
    private final JsonErrors errors;
    private final Cache<String, Boolean> recentlyAudited = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    RateLimitFilter(RateLimiter limiter, AccountsProperties properties, ClientAddresses addresses, AuditTrail audit,
            JsonErrors errors) {
        this.limiter = limiter;
        this.settings = properties.rateLimits();
        this.addresses = addresses;
        this.audit = audit;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Group group = group(request);
        if (group == null || !settings.enabled()
                || (settings.testMode() && !"true".equalsIgnoreCase(request.getHeader(FORCE_HEADER)))) {
            chain.doFilter(request, response);
            return;
        }
        String ip = addresses.clientIp(request);
        RateLimiter.Decision decision = limiter.tryConsume(group, ip);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        if (recentlyAudited.asMap().putIfAbsent(group + "|" + ip, Boolean.TRUE) == null) {
            audit.record(AuditEvent.RATE_LIMITED, Outcome.DENIED, null, null, null, addresses.client(request),
                    request.getMethod() + " " + request.getRequestURI());
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        errors.write(response, 429, "Too Many Requests",
                "Too many requests, retry in " + decision.retryAfterSeconds() + " s");
    }

    /** The limit a request counts against, or null for requests that are not limited. */
    static @Nullable Group group(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith("/api/") || path.startsWith("/api/stream/") || path.equals("/api/health")
                || path.equals("/api/status")) {
            return null;
        }
        String method = request.getMethod();
        if ("POST".equals(method) && (path.equals("/api/auth/login") || path.equals("/api/auth/setup")
                || path.startsWith("/api/auth/login/") || path.startsWith("/api/auth/device/"))) {
            return Group.LOGIN;
        }
        if ("POST".equals(method) && path.startsWith("/api/auth/refresh/")) {
            return Group.REFRESH;
        }
        return "GET".equals(method) || "HEAD".equals(method) ? Group.READ : Group.WRITE;
    }
}
