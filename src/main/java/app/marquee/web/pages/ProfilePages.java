package app.marquee.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.marquee.accounts.Accounts;

/**
 * "Who is watching": the profiles (sessions) this browser holds, listed by {@code GET /api/auth/sessions} in the
 * browser, since only requests under {@code /api/auth/} carry their refresh cookies; picking one refreshes its
 * token through the API and makes it the active session of the pages. Adding one is a login through the API.
 */
@Controller
final class ProfilePages {

    private final Accounts accounts;

    ProfilePages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/profiles")
    String profiles(@RequestParam(required = false) @Nullable String next,
            @CookieValue(name = "__session", required = false) @Nullable String active, Model model) {
        if (accounts.needsSetup()) {
            return "redirect:/setup";
        }
        model.addAttribute("next", SafeRedirects.localPath(next));
        model.addAttribute("resume", next != null && active != null ? active : "");
        return "profiles";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String next, Model model) {
        if (accounts.needsSetup()) {
            return "redirect:/setup";
        }
        model.addAttribute("next", SafeRedirects.localPath(next));
        return "login";
    }

    @PostMapping("/profiles/active")
    String activate(@RequestParam String session, @RequestParam(required = false) @Nullable String next,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            accounts.activateSession(session, request, response);
        } catch (IllegalArgumentException e) {
            return "redirect:/profiles";
        }
        return "redirect:" + SafeRedirects.localPath(next);
    }

    /** Any method: Spring Security forwards a refused POST (a missing CSRF token) here too. */
    @RequestMapping("/forbidden")
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "forbidden";
    }
}
