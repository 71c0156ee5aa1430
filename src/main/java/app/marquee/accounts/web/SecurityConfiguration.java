package app.marquee.accounts.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import tools.jackson.databind.json.JsonMapper;

import app.marquee.accounts.AccountsProperties;
import app.marquee.accounts.CurrentUser;
import app.marquee.accounts.internal.AuditEntry.Outcome;
import app.marquee.accounts.internal.AuditEvent;
import app.marquee.accounts.internal.AuditTrail;
import app.marquee.accounts.internal.ClientAddresses;
import app.marquee.accounts.internal.RateLimiter;
import app.marquee.accounts.internal.Sessions;
import app.marquee.platform.RedisSettings;

/**
 * Who may call what (API.md's auth column): public routes, user routes (everything else under {@code /api}),
 * admin routes, and the admin pages of the web UI. Stateless: every request is authenticated by its session's
 * access-token cookie. The API needs no CSRF token: the cookies are SameSite=Strict and API calls name their
 * session in a custom header, which a cross-site form cannot send. Server-rendered pages name their session
 * by the {@code __session} cookie instead, so their state-changing forms and htmx requests carry a CSRF
 * token (double-submit, kept in an HttpOnly cookie: no server-side session).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** The web UI's page for a user who opens an admin page (rendered by the web module). */
    static final String FORBIDDEN_PAGE = "/forbidden";

    /** bcrypt with cost 10: about 60 ms a check on this class of machine. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    RateLimiter rateLimiter(Environment environment, ObjectProvider<LettuceConnectionFactory> redis) {
        if (!RedisSettings.isConfigured(environment)) {
            return RateLimiter.inMemory();
        }
        // the connection factory starts after the beans are made: take its client on first use
        return RateLimiter.redis(() -> (RedisClient) redis.getObject().getRequiredNativeClient(), "marquee:rate-limit:");
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Sessions sessions, SessionCookies cookies, RateLimiter limiter,
            AccountsProperties properties, ClientAddresses addresses, AuditTrail audit, JsonMapper json) {
        JsonErrors errors = new JsonErrors(json);
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/api/**")
                        // every request authenticates afresh (stateless): replacing the token on each would
                        // void the token of a page open in another tab, or of a form an API call preceded
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new RateLimitFilter(limiter, properties, addresses, audit, errors),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new SessionAuthenticationFilter(sessions, cookies),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/api/health", "/api/status").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/auth/sessions").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/setup", "/api/auth/login", "/api/auth/refresh/*",
                                "/api/auth/logout/*", "/api/auth/device/trakt", "/api/auth/login/trakt").permitAll()
                        // stream URLs carry their own key: a <video> element cannot send headers
                        .requestMatchers("/api/stream/**").permitAll()
                        .requestMatchers("/api/auth/users", "/api/auth/users/**", "/api/trakt/admin/**", "/api/audit", "/api/config",
                                "/api/config/**").hasRole("ADMIN")
                        // curated lists are read by users and kept by admins
                        .requestMatchers(HttpMethod.PUT, "/api/lists/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/lists/*").hasRole("ADMIN")
                        .requestMatchers("/api/**").hasRole("USER")
                        .requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> {
                            if (isPage(request)) {
                                // the web UI's profile picker refreshes or picks a session, then comes back
                                response.sendRedirect("/profiles?next=" + URLEncoder.encode(request.getRequestURI(),
                                        StandardCharsets.UTF_8));
                                return;
                            }
                            errors.write(response, 401, "Authentication required",
                                    "Log in and send X-Session-Id with the session's cookie");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            Authentication who = SecurityContextHolder.getContext().getAuthentication();
                            if (who != null && who.getPrincipal() instanceof CurrentUser user) {
                                audit.record(AuditEvent.ACCESS_DENIED, Outcome.DENIED, user.id(), null, user.sessionId(),
                                        addresses.client(request), request.getMethod() + " " + request.getRequestURI());
                            }
                            if (isPage(request)) {
                                response.setStatus(403);
                                request.getRequestDispatcher(FORBIDDEN_PAGE).forward(request, response);
                                return;
                            }
                            errors.write(response, 403, "Insufficient permissions",
                                    "This needs the admin role");
                        }));
        return http.build();
    }

    /** A page of the web UI rather than a call of the API (or of the API's documentation and actuator). */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/v3/") && !path.startsWith("/actuator");
    }
}
