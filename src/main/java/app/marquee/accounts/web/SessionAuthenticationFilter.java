package app.marquee.accounts.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import app.marquee.accounts.CurrentUser;
import app.marquee.accounts.internal.Sessions;
import app.marquee.accounts.internal.Tokens;

/**
 * Authenticates a request by its session: the one named by {@code X-Session-Id}, else by the
 * {@code __session} cookie of server-rendered pages, whose own {@code __at_<session>} cookie must hold a
 * valid access token of that very session. Anything else leaves the request anonymous, and protected
 * routes then answer 401; a malformed or foreign cookie is never an error of the server.
 */
final class SessionAuthenticationFilter extends OncePerRequestFilter {

    static final String SESSION_HEADER = "X-Session-Id";
    private static final List<SimpleGrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));
    private static final List<SimpleGrantedAuthority> ADMIN =
            List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"));

    private final Sessions sessions;
    private final SessionCookies cookies;

    SessionAuthenticationFilter(Sessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sessionId = request.getHeader(SESSION_HEADER);
        if (sessionId == null) {
            sessionId = SessionCookies.value(request, SessionCookies.ACTIVE_SESSION);
        }
        if (sessionId != null && Tokens.isSessionId(sessionId)) {
            String token = cookies.accessToken(request, sessionId);
            if (token != null) {
                sessions.authenticate(sessionId, token).ifPresent(SessionAuthenticationFilter::signIn);
            }
        }
        chain.doFilter(request, response);
    }

    private static void signIn(CurrentUser user) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.isAdmin() ? ADMIN : USER);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
