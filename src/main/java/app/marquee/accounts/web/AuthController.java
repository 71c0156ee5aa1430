package app.marquee.accounts.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.accounts.CurrentUser;
import app.marquee.accounts.Role;
import app.marquee.accounts.UserDto;
import app.marquee.accounts.internal.AuditEntry.Outcome;
import app.marquee.accounts.internal.AuditEvent;
import app.marquee.accounts.internal.AuditTrail;
import app.marquee.accounts.internal.ClientAddresses;
import app.marquee.accounts.internal.ClientInfo;
import app.marquee.accounts.internal.Sessions;
import app.marquee.accounts.internal.Sessions.LoginResult;
import app.marquee.accounts.internal.Sessions.RefreshResult;
import app.marquee.accounts.internal.Tokens;
import app.marquee.accounts.internal.User;
import app.marquee.accounts.internal.UserAdministration;
import app.marquee.accounts.internal.Users;
import app.marquee.platform.ApiError;
import app.marquee.platform.ApiException;

/** The {@code /api/auth} routes of API.md: first-run set-up, login, refresh, session, logout, user creation. */
@RestController
@Tag(name = "Authentication")
final class AuthController {

    private final Users users;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final ClientAddresses addresses;
    private final AuditTrail audit;
    private final UserAdministration administration;

    AuthController(Users users, Sessions sessions, SessionCookies cookies, ClientAddresses addresses, AuditTrail audit,
            UserAdministration administration) {
        this.users = users;
        this.sessions = sessions;
        this.cookies = cookies;
        this.addresses = addresses;
        this.audit = audit;
        this.administration = administration;
    }

    record LoginResponse(String session, UserDto user) {
    }

    record SessionResponse(String id, UserDto user) {
    }

    record RefreshResponse(UserDto user) {
    }

    record MessageResponse(String message) {
    }

    @PostMapping("/api/auth/setup")
    @Operation(summary = "Create the first admin", description = "Only while no admin exists; 404 afterwards.")
    ResponseEntity<UserDto> setup(@Valid @RequestBody AuthRequests.Setup body, HttpServletRequest request) {
        User admin;
        try {
            admin = users.createFirstAdmin(body.email(), body.password())
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Not found"));
        } catch (ConcurrencyFailureException e) {
            // another set-up committed first
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found");
        }
        audit.record(AuditEvent.USER_CREATED, Outcome.SUCCESS, admin.getId(), admin.getEmail(), null,
                addresses.client(request), "first admin (set-up)");
        return ResponseEntity.status(HttpStatus.CREATED).body(UserDto.of(admin));
    }

    @PostMapping("/api/auth/login")
    @Operation(summary = "Log in", description = "Returns the new session's id; its tokens are set as HttpOnly cookies.")
    ResponseEntity<?> login(@Valid @RequestBody AuthRequests.Login body, HttpServletRequest request,
            HttpServletResponse response) {
        if (!AuthRequests.fitsBcrypt(body.password())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Invalid credentials");
        }
        return switch (sessions.login(body.email(), body.password(), addresses.client(request))) {
            case LoginResult.Success success -> {
                cookies.issue(request, response, success.session());
                yield ResponseEntity.ok(new LoginResponse(success.session().sessionId(), UserDto.of(success.session().user())));
            }
            case LoginResult.InvalidCredentials invalid ->
                    ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ApiError.of("Invalid credentials"));
            case LoginResult.Locked locked -> {
                long seconds = Math.max(1, locked.retryAfter().toSeconds());
                yield ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                        .body(new ApiError("Too Many Requests",
                                "Too many failed logins for this account, retry in " + seconds + " s"));
            }
        };
    }

    @PostMapping("/api/auth/refresh/{session}")
    @Operation(summary = "Rotate a session's tokens", description = "Uses the session's refresh-token cookie. "
            + "Presenting an already-used refresh token revokes the session.")
    ResponseEntity<?> refresh(@PathVariable String session, HttpServletRequest request, HttpServletResponse response) {
        String token = Tokens.isSessionId(session) ? cookies.refreshToken(request, session) : null;
        if (token == null) {
            return unauthorized(request, response, session, "No valid refresh token");
        }
        return switch (sessions.refresh(session, token, addresses.client(request))) {
            case RefreshResult.Success success -> {
                cookies.issue(request, response, success.session());
                yield ResponseEntity.ok(new RefreshResponse(UserDto.of(success.session().user())));
            }
            case RefreshResult.Reused reused -> unauthorized(request, response, session, "Refresh token reuse detected");
            case RefreshResult.Invalid invalid -> unauthorized(request, response, session, "Invalid refresh token");
        };
    }

    @GetMapping("/api/auth/session")
    @Operation(summary = "The session named by X-Session-Id")
    SessionResponse session(@AuthenticationPrincipal CurrentUser user) {
        return new SessionResponse(user.sessionId(), UserDto.of(user));
    }

    @GetMapping("/api/auth/sessions")
    @Operation(summary = "The sessions this browser holds",
            description = "One entry per refresh cookie the request carries whose token is still valid (not rotated, "
                    + "revoked or expired): the profiles a \"who is watching\" screen offers. Rotates nothing.")
    List<SessionResponse> heldSessions(HttpServletRequest request) {
        List<SessionResponse> held = new ArrayList<>();
        for (String session : cookies.refreshCookieSessions(request)) {
            String token = cookies.refreshToken(request, session);
            if (token != null) {
                sessions.heldBy(session, token).ifPresent(user -> held.add(new SessionResponse(session, UserDto.of(user))));
            }
        }
        return held;
    }

    @PostMapping("/api/auth/logout/{session}")
    @Operation(summary = "Log out a session", description = "Revokes it when the caller holds it; always clears its cookies.")
    MessageResponse logout(@PathVariable String session, HttpServletRequest request, HttpServletResponse response) {
        if (Tokens.isSessionId(session)) {
            ClientInfo client = addresses.client(request);
            sessions.logout(session, cookies.refreshToken(request, session), cookies.accessToken(request, session), client);
            cookies.clear(request, response, session);
        }
        return new MessageResponse("Logged out successfully");
    }

    @PostMapping("/api/auth/users")
    @Operation(summary = "Create a user (admin)")
    ResponseEntity<UserDto> createUser(@Valid @RequestBody AuthRequests.CreateUser body,
            @AuthenticationPrincipal CurrentUser admin, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(
                administration.create(body.email(), body.password(), Role.of(body.role()), admin,
                        addresses.client(request)));
    }

    private ResponseEntity<?> unauthorized(HttpServletRequest request, HttpServletResponse response, String session,
            String error) {
        if (Tokens.isSessionId(session)) {
            cookies.clear(request, response, session);
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", error));
    }
}
