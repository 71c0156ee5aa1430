package app.marquee.web.pages;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy of every page: scripts only from this server's own files (no inline script, no
 * eval), so an injected {@code <script>} or event attribute does nothing. Images may come from any host: TMDB's
 * configuration names the image host, and an image cannot run code. Video only from this server. The API's JSON,
 * its Swagger UI and the actuator are left as they are. Also makes each page's CSRF token up front.
 */
@Component
final class PageHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src * data:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (!path.startsWith("/api/") && !path.startsWith("/v3/") && !path.startsWith("/swagger-ui")
                && !path.startsWith("/actuator")) {
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("Referrer-Policy", "same-origin");
            // the CSRF token is made lazily; made while a template renders, its cookie can come after the
            // response was committed and be lost: make it (and send its cookie) before the page starts
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
                csrf.getToken();
            }
        }
        chain.doFilter(request, response);
    }
}
