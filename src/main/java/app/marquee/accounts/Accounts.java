package app.marquee.accounts;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.marquee.accounts.internal.AuditEntry.Outcome;
import app.marquee.accounts.internal.AuditEvent;
import app.marquee.accounts.internal.AuditTrail;
import app.marquee.accounts.internal.ClientAddresses;
import app.marquee.accounts.internal.Sessions;
import app.marquee.accounts.internal.Tokens;
import app.marquee.accounts.internal.UserAdministration;
import app.marquee.accounts.internal.Users;
import app.marquee.accounts.web.SessionCookies;

/**
 * What other modules may ask of accounts: find a user, and open a session for a user whose identity
 * another module proved (a Trakt login). Everything else about accounts stays inside the module.
 */
@Component
public final class Accounts {

    private final Users users;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final ClientAddresses addresses;
    private final AuditTrail audit;
    private final UserAdministration administration;

    Accounts(Users users, Sessions sessions, SessionCookies cookies, ClientAddresses addresses, AuditTrail audit,
            UserAdministration administration) {
        this.users = users;
        this.sessions = sessions;
        this.cookies = cookies;
        this.addresses = addresses;
        this.audit = audit;
        this.administration = administration;
    }

    /** What an admin did to the running configuration, for {@link #auditConfiguration}. */
    public enum ConfigurationAction {
        /** settings stored through {@code PUT /api/config} (or refused) */
        CHANGED(AuditEvent.CONFIG_CHANGED),
        /** a service restarted through {@code POST /api/config/:service/restart} */
        RESTARTED(AuditEvent.CONFIG_RESTART);

        private final AuditEvent event;

        ConfigurationAction(AuditEvent event) {
            this.event = event;
        }
    }

    /**
     * Writes an admin's change of the configuration to the audit trail. Call it after the change's own
     * transaction has ended (see {@link AuditTrail}).
     *
     * @param detail what changed: setting names and non-secret values, never a secret's value
     */
    public void auditConfiguration(CurrentUser admin, ConfigurationAction action, boolean succeeded, String detail,
            HttpServletRequest request) {
        audit.record(action.event, succeeded ? Outcome.SUCCESS : Outcome.FAILURE, admin.id(), null, admin.sessionId(),
                addresses.client(request), detail);
    }

    /** All accounts, oldest first (admin pages). */
    public List<UserDto> users() {
        return administration.list();
    }

    /** Creates an account, audited as the admin's act. @throws app.marquee.platform.ApiException 409 taken email */
    public UserDto createUser(String email, String password, Role role, CurrentUser admin, HttpServletRequest request) {
        return administration.create(email, password, role, admin, addresses.client(request));
    }

    /** @throws app.marquee.platform.ApiException 404 unknown user, 409 when it would leave no admin */
    public UserDto changeRole(String userId, Role role, CurrentUser admin, HttpServletRequest request) {
        return administration.changeRole(userId, role, admin, addresses.client(request));
    }

    /** @throws app.marquee.platform.ApiException 404 unknown user, 409 for the last admin */
    public void deleteUser(String userId, CurrentUser admin, HttpServletRequest request) {
        administration.delete(userId, admin, addresses.client(request));
    }

    /** The newest audit lines, optionally of one event and outcome; at most 500. */
    public List<AuditRecord> auditTrail(@Nullable String event, @Nullable String outcome, int limit) {
        return administration.auditTrail(event, outcome, limit);
    }

    /** A login's answer: {@code {session, user}}, as {@code POST /api/auth/login} gives it. */
    public record LoginGrant(String session, UserDto user) {
    }

    /** True while no admin exists: the first run, whose set-up creates one ({@code POST /api/auth/setup}). */
    public boolean needsSetup() {
        return !users.adminExists();
    }

    /**
     * Makes a session the one this browser's server-rendered pages act in (API.md: the {@code __session}
     * cookie). Naming a session proves nothing: each request is still authenticated by that session's own
     * access-token cookie.
     *
     * @throws IllegalArgumentException when {@code sessionId} is not shaped like a session id
     */
    public void activateSession(String sessionId, HttpServletRequest request, HttpServletResponse response) {
        if (!Tokens.isSessionId(sessionId)) {
            throw new IllegalArgumentException("not a session id");
        }
        cookies.activate(request, response, sessionId);
    }

    public Optional<UserDto> findByEmail(String email) {
        return users.findByEmail(email).map(UserDto::of);
    }

    public Optional<UserDto> findById(String id) {
        return users.findById(id).map(UserDto::of);
    }

    /**
     * Opens a new session for the user, sets its cookies on the response and audits the login.
     *
     * @param via how the user proved who they are, e.g. {@code "trakt"}
     * @return empty when the user does not exist (any more)
     */
    public Optional<LoginGrant> logIn(String userId, String via, HttpServletRequest request,
            HttpServletResponse response) {
        return sessions.open(userId, addresses.client(request), via).map(issued -> {
            cookies.issue(request, response, issued);
            return new LoginGrant(issued.sessionId(), UserDto.of(issued.user()));
        });
    }
}
