package app.marquee.web.pages;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import app.marquee.accounts.Accounts;
import app.marquee.accounts.CurrentUser;

/**
 * Guards the pages that need a profile: on a server with no admin yet they lead to the first-run set-up;
 * without a signed-in profile (none picked, or its access token expired) to the profile picker, which
 * refreshes the session's token through the API and comes back.
 */
final class SignedInPages implements HandlerInterceptor {

    private final Accounts accounts;

    SignedInPages(Accounts accounts) {
        this.accounts = accounts;
    }

    static CurrentUser currentUser() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.getPrincipal() instanceof CurrentUser user ? user : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws java.io.IOException {
        if (currentUser() != null) {
            return true;
        }
        if (accounts.needsSetup()) {
            response.sendRedirect("/setup");
            return false;
        }
        String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (request.getHeader("HX-Request") != null) {
            // an htmx poll (home rows): send the whole page to the picker, not the picker into the fragment
            String page = request.getHeader("HX-Current-URL");
            next = page == null ? "/" : URI.create(page).getRawPath();
            response.setHeader("HX-Redirect", "/profiles?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return false;
        }
        response.sendRedirect("/profiles?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        return false;
    }
}
