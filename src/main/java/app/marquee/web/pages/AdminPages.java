package app.marquee.web.pages;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import app.marquee.accounts.Accounts;
import app.marquee.accounts.CurrentUser;
import app.marquee.accounts.Role;
import app.marquee.platform.ApiException;
import app.marquee.sync.ServerStats;

/**
 * The admin pages (Spring Security lets only admins reach {@code /admin/**}): server statistics refreshing
 * themselves, accounts, the audit trail, and the runtime configuration. Forms post back here with their CSRF
 * token and land on the page again with a message (no server-side session to keep one in).
 */
@Controller
final class AdminPages {

    private static final List<String> AUDIT_EVENTS = List.of("login", "logout", "token.refresh", "token.reuse",
            "user.created", "user.role-changed", "user.deleted", "access.denied", "rate-limited", "account.locked");

    private final Accounts accounts;
    private final ServerStats stats;

    AdminPages(Accounts accounts, ServerStats stats) {
        this.accounts = accounts;
        this.stats = stats;
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/stats";
    }

    @GetMapping("/admin/stats")
    String stats(Model model) {
        statsModel(model);
        return "admin/stats";
    }

    /** The part of the stats page that htmx polls. */
    @GetMapping("/admin/stats/panel")
    String statsPanel(Model model) {
        statsModel(model);
        return "admin/stats :: panel";
    }

    private void statsModel(Model model) {
        model.addAttribute("stats", stats.now());
    }

    @GetMapping("/admin/users")
    String users(@RequestParam(required = false) @Nullable String message, Model model) {
        model.addAttribute("users", accounts.users());
        model.addAttribute("message", message);
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam String email, @RequestParam String password, @RequestParam String role,
            @AuthenticationPrincipal CurrentUser admin, HttpServletRequest request) {
        if (password.length() < 8) {
            return usersWith("The password needs at least 8 characters");
        }
        return act(() -> accounts.createUser(email, password, Role.of(role), admin, request), "Created " + email);
    }

    @PostMapping("/admin/users/{id}/role")
    String changeRole(@PathVariable String id, @RequestParam String role, @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request) {
        return act(() -> accounts.changeRole(id, Role.of(role), admin, request), "Role changed");
    }

    @PostMapping("/admin/users/{id}/delete")
    String deleteUser(@PathVariable String id, @AuthenticationPrincipal CurrentUser admin, HttpServletRequest request) {
        return act(() -> accounts.deleteUser(id, admin, request), "User deleted");
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) @Nullable String event,
            @RequestParam(required = false) @Nullable String outcome, Model model) {
        model.addAttribute("entries", accounts.auditTrail(event, outcome, 200));
        model.addAttribute("events", AUDIT_EVENTS);
        model.addAttribute("event", event == null ? "" : event);
        model.addAttribute("outcome", outcome == null ? "" : outcome);
        return "admin/audit";
    }

    @GetMapping("/admin/config")
    String config() {
        return "admin/config";
    }

    private static String act(Runnable action, String done) {
        try {
            action.run();
            return usersWith(done);
        } catch (ApiException e) {
            return usersWith(e.error());
        } catch (IllegalArgumentException e) {
            return usersWith(e.getMessage());
        }
    }

    private static String usersWith(String message) {
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/users").queryParam("message", message)
                .encode().build().toUriString();
    }
}
