package app.marquee.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.marquee.accounts.AccountsProperties;
import app.marquee.accounts.CurrentUser;
import app.marquee.accounts.internal.AuditEntry.Outcome;

/**
 * Logins, refreshes and logouts of sessions, with the audit trail of each.
 *
 * <p>Not transactional as a whole: each step runs in a short transaction of its own, the bcrypt check (tens
 * of milliseconds) runs outside any, and the audit entry is written after the step's transaction ended
 * (see {@link AuditTrail}).
 */
@Component
public class Sessions {

    private final UserRepository users;
    private final UserSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final Users accounts;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate write;
    private final TransactionTemplate read;
    private final Duration refreshLifetime;
    private final Clock clock;
    /** Checked against when the email is unknown, so an unknown account costs as much time as a known one. */
    private final String unknownAccountHash;

    public Sessions(UserRepository users, UserSessionRepository sessions, RefreshTokenRepository refreshTokens,
            Users accounts, AccessTokens accessTokens, PasswordEncoder passwords, AuditTrail audit,
            PlatformTransactionManager transactions, AccountsProperties properties, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.audit = audit;
        this.write = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.refreshLifetime = properties.refreshTokenTtl();
        this.clock = clock;
        this.unknownAccountHash = passwords.encode(Tokens.refreshToken());
    }

    /** How a login ended. */
    public sealed interface LoginResult {
        record Success(IssuedSession session) implements LoginResult {
        }

        record InvalidCredentials() implements LoginResult {
        }

        record Locked(Duration retryAfter) implements LoginResult {
        }
    }

    /** How a refresh ended. */
    public sealed interface RefreshResult {
        record Success(IssuedSession session) implements RefreshResult {
        }

        /** Unknown, expired or revoked token, or one of another session. */
        record Invalid() implements RefreshResult {
        }

        /** A token that was already rotated came back: the session is revoked. */
        record Reused() implements RefreshResult {
        }
    }

    public LoginResult login(String email, String password, ClientInfo client) {
        String index = accounts.emailIndex(email);
        Optional<User> found = read.execute(status -> users.findByEmailIndex(index));
        if (found.isEmpty()) {
            passwords.matches(password, unknownAccountHash);
            audit.record(AuditEvent.LOGIN, Outcome.FAILURE, null, Users.normaliseEmail(email), null, client,
                    "unknown account");
            return new LoginResult.InvalidCredentials();
        }
        User user = found.get();
        Instant now = clock.instant();
        if (user.isLocked(now)) {
            audit.record(AuditEvent.ACCOUNT_LOCKED, Outcome.DENIED, user.getId(), user.getEmail(), null, client,
                    "login while locked");
            return new LoginResult.Locked(Duration.between(now, user.getLockedUntil()));
        }
        if (!passwords.matches(password, user.getPasswordHash())) {
            User failed = write.execute(status -> {
                User fresh = users.findById(user.getId()).orElseThrow();
                fresh.loginFailed(clock.instant());
                return fresh;
            });
            audit.record(AuditEvent.LOGIN, Outcome.FAILURE, user.getId(), user.getEmail(), null, client,
                    failed.isLocked(clock.instant())
                            ? "wrong password; locked until " + failed.getLockedUntil()
                            : "wrong password");
            return new LoginResult.InvalidCredentials();
        }
        return new LoginResult.Success(open(user.getId(), client, null).orElseThrow());
    }

    /**
     * Opens a session for a user whose identity was proven some other way (a linked Trakt account), and
     * audits it as a login.
     *
     * @param via how the user proved it, for the audit trail; null for a password
     * @return empty when the user no longer exists
     */
    public Optional<IssuedSession> open(String userId, ClientInfo client, @Nullable String via) {
        IssuedSession issued = write.execute(status -> users.findById(userId).map(fresh -> {
            fresh.loginSucceeded(clock.instant());
            String sessionId = Tokens.sessionId();
            Instant refreshExpiry = clock.instant().plus(refreshLifetime);
            sessions.save(new UserSession(sessionId, fresh.getId(), clock.instant(), refreshExpiry, client));
            return issue(fresh, sessionId, refreshExpiry);
        }).orElse(null));
        if (issued == null) {
            return Optional.empty();
        }
        audit.record(AuditEvent.LOGIN, Outcome.SUCCESS, userId, issued.user().getEmail(), issued.sessionId(), client,
                via == null ? null : "via " + via);
        return Optional.of(issued);
    }

    public RefreshResult refresh(String sessionId, String refreshToken, ClientInfo client) {
        String hash = Tokens.sha256(refreshToken);
        record Step(RefreshResult result, @Nullable String userId, @Nullable String detail) {
        }
        Step step = write.execute(status -> {
            Instant now = clock.instant();
            RefreshToken token = refreshTokens.findByTokenHash(hash).orElse(null);
            if (token == null || !token.getSessionId().equals(sessionId)) {
                return new Step(new RefreshResult.Invalid(), null, token == null ? "unknown token" : "token of another session");
            }
            UserSession session = sessions.findById(sessionId).orElse(null);
            String userId = session == null ? null : session.getUserId();
            if (token.getRotatedAt() != null) {
                revoke(sessionId, now, "refresh token reuse");
                return new Step(new RefreshResult.Reused(), userId, "a rotated refresh token was presented again");
            }
            if (token.getRevokedAt() != null || !now.isBefore(token.getExpiresAt()) || session == null
                    || !session.isActive(now)) {
                return new Step(new RefreshResult.Invalid(), userId, "expired or revoked");
            }
            User user = users.findById(session.getUserId()).orElse(null);
            if (user == null) {
                return new Step(new RefreshResult.Invalid(), userId, "no such user");
            }
            if (refreshTokens.markRotated(token.getId(), now) != 1) {
                revoke(sessionId, now, "refresh token reuse");
                return new Step(new RefreshResult.Reused(), userId, "the refresh token was used concurrently");
            }
            Instant refreshExpiry = now.plus(refreshLifetime);
            session.refreshed(now, refreshExpiry, client);
            return new Step(new RefreshResult.Success(issue(user, sessionId, refreshExpiry)), userId, null);
        });
        switch (step.result()) {
            case RefreshResult.Success s -> audit.record(AuditEvent.TOKEN_REFRESH, Outcome.SUCCESS, step.userId(),
                    null, sessionId, client, null);
            case RefreshResult.Reused r -> audit.record(AuditEvent.TOKEN_REUSE, Outcome.FAILURE, step.userId(), null,
                    sessionId, client, step.detail() + "; session revoked");
            case RefreshResult.Invalid i -> audit.record(AuditEvent.TOKEN_REFRESH, Outcome.FAILURE, step.userId(), null,
                    sessionId, client, step.detail());
        }
        return step.result();
    }

    /**
     * Ends a session when the caller proves it holds it (its refresh token, or a valid access token of it).
     *
     * @return true when the session was revoked
     */
    public boolean logout(String sessionId, @Nullable String refreshToken, @Nullable String accessToken,
            ClientInfo client) {
        String userId = write.execute(status -> {
            UserSession session = sessions.findById(sessionId).orElse(null);
            if (session == null || !holds(sessionId, refreshToken, accessToken)) {
                return null;
            }
            revoke(sessionId, clock.instant(), "logout");
            return session.getUserId();
        });
        if (userId != null) {
            audit.record(AuditEvent.LOGOUT, Outcome.SUCCESS, userId, null, sessionId, client, null);
        }
        return userId != null;
    }

    /** The user behind a session's access token, when the token is valid, names this session, and both still exist. */
    public Optional<CurrentUser> authenticate(String sessionId, String accessToken) {
        Optional<AccessTokens.Claims> claims = accessTokens.verify(accessToken)
                .filter(c -> c.sessionId().equals(sessionId));
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        return read.execute(status -> {
            Instant now = clock.instant();
            UserSession session = sessions.findById(sessionId).orElse(null);
            if (session == null || !session.isActive(now) || !session.getUserId().equals(claims.get().userId())) {
                return Optional.<CurrentUser>empty();
            }
            return users.findById(session.getUserId())
                    .map(user -> new CurrentUser(user.getId(), user.getEmail(), user.getRole(), user.getDisplayName(), sessionId));
        });
    }

    /**
     * The user of a session whose current refresh token the caller presents, without rotating it: how a
     * browser learns which of the profiles it keeps cookies for are still valid.
     */
    public Optional<User> heldBy(String sessionId, String refreshToken) {
        return read.execute(status -> {
            Instant now = clock.instant();
            Optional<RefreshToken> token = refreshTokens.findByTokenHash(Tokens.sha256(refreshToken))
                    .filter(t -> t.getSessionId().equals(sessionId) && t.getRotatedAt() == null
                            && t.getRevokedAt() == null && now.isBefore(t.getExpiresAt()));
            if (token.isEmpty()) {
                return Optional.<User>empty();
            }
            return sessions.findById(sessionId).filter(session -> session.isActive(now))
                    .flatMap(session -> users.findById(session.getUserId()));
        });
    }

    private boolean holds(String sessionId, @Nullable String refreshToken, @Nullable String accessToken) {
        if (refreshToken != null && refreshTokens.findByTokenHash(Tokens.sha256(refreshToken))
                .filter(t -> t.getSessionId().equals(sessionId)).isPresent()) {
            return true;
        }
        return accessToken != null && accessTokens.verify(accessToken)
                .filter(c -> c.sessionId().equals(sessionId)).isPresent();
    }

    private void revoke(String sessionId, Instant now, String reason) {
        sessions.findById(sessionId).ifPresent(session -> session.revoke(now, reason));
        refreshTokens.revokeSession(sessionId, now);
    }

    private IssuedSession issue(User user, String sessionId, Instant refreshExpiry) {
        String refresh = Tokens.refreshToken();
        refreshTokens.save(new RefreshToken(sessionId, Tokens.sha256(refresh), clock.instant(), refreshExpiry));
        String access = accessTokens.issue(user, sessionId);
        return new IssuedSession(sessionId, user, access, clock.instant().plus(accessTokens.lifetime()), refresh,
                refreshExpiry);
    }
}
