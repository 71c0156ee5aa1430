package app.marquee.accounts.web;

import jakarta.servlet.DispatcherType;

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
 * admin routes. Stateless: every request is authenticated by its session's access-token cookie. CSRF tokens
 * are not needed: the cookies are SameSite=Strict and API calls name their session in a custom header,
 * which a cross-site form cannot send.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

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
        http.csrf(AbstractHttpConfigurer::disable)
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
                        .requestMatchers(HttpMethod.POST, "/api/auth/setup", "/api/auth/login", "/api/auth/refresh/*",
                                "/api/auth/logout/*", "/api/auth/device/trakt", "/api/auth/login/trakt").permitAll()
                        // stream URLs carry their own key: a <video> element cannot send headers
                        .requestMatchers("/api/stream/**").permitAll()
                        .requestMatchers("/api/auth/users", "/api/auth/users/**", "/api/trakt/admin/**", "/api/config",
                                "/api/config/**").hasRole("ADMIN")
                        // curated lists are read by users and kept by admins
                        .requestMatchers(HttpMethod.PUT, "/api/lists/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/lists/*").hasRole("ADMIN")
                        .requestMatchers("/api/**").hasRole("USER")
                        .anyRequest().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> errors.write(response, 401,
                                "Authentication required", "Log in and send X-Session-Id with the session's cookie"))
                        .accessDeniedHandler((request, response, e) -> {
                            Authentication who = SecurityContextHolder.getContext().getAuthentication();
                            if (who != null && who.getPrincipal() instanceof CurrentUser user) {
                                audit.record(AuditEvent.ACCESS_DENIED, Outcome.DENIED, user.id(), null, user.sessionId(),
                                        addresses.client(request), request.getMethod() + " " + request.getRequestURI());
                            }
                            errors.write(response, 403, "Insufficient permissions",
                                    "This needs the admin role");
                        }));
        return http.build();
    }
}
