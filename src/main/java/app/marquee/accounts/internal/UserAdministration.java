package app.marquee.accounts.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.marquee.accounts.AuditRecord;
import app.marquee.accounts.CurrentUser;
import app.marquee.accounts.Role;
import app.marquee.accounts.UserDto;
import app.marquee.accounts.internal.AuditEntry.Outcome;
import app.marquee.platform.ApiException;

/**
 * What an admin does to accounts: list, create, change a role, delete, and read the audit trail. Every change
 * is audited with the admin who made it. The last admin can be neither demoted nor deleted, so the first-run
 * set-up never reopens (API.md).
 */
@Component
public class UserAdministration {

    /** At most this many audit lines per read. */
    public static final int MAX_AUDIT_LINES = 500;

    private final UserRepository users;
    private final Users accounts;
    private final AuditEntryRepository auditEntries;
    private final AuditTrail audit;
    private final TransactionTemplate serializable;
    private final TransactionTemplate read;

    public UserAdministration(UserRepository users, Users accounts, AuditEntryRepository auditEntries,
            AuditTrail audit, PlatformTransactionManager transactions) {
        this.users = users;
        this.accounts = accounts;
        this.auditEntries = auditEntries;
        this.audit = audit;
        this.serializable = new TransactionTemplate(transactions);
        this.serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    public List<UserDto> list() {
        return read.execute(status -> users.findAllByOrderByCreatedAtAsc().stream().map(UserDto::of).toList());
    }

    /** @throws ApiException 409 when the email is taken */
    public UserDto create(String email, String password, Role role, CurrentUser admin, ClientInfo client) {
        User created = accounts.create(email, password, role);
        audit.record(AuditEvent.USER_CREATED, Outcome.SUCCESS, created.getId(), created.getEmail(), admin.sessionId(),
                client, "by " + admin.id() + " as " + role.value());
        return UserDto.of(created);
    }

    /** @throws ApiException 404 for an unknown user, 409 when it would leave no admin */
    public UserDto changeRole(String userId, Role role, CurrentUser admin, ClientInfo client) {
        UserDto changed = serializable.execute(status -> {
            User user = users.findById(userId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "User not found"));
            if (user.getRole() == Role.ADMIN && role != Role.ADMIN && users.countByRole(Role.ADMIN) <= 1) {
                throw new ApiException(HttpStatus.CONFLICT, "The last admin cannot be demoted");
            }
            user.changeRole(role);
            return UserDto.of(user);
        });
        audit.record(AuditEvent.USER_ROLE_CHANGED, Outcome.SUCCESS, userId, null, admin.sessionId(), client,
                "by " + admin.id() + " to " + role.value());
        return changed;
    }

    /** Deletes the user with everything of theirs (sessions, progress, Trakt link). @throws ApiException 404, 409 */
    public void delete(String userId, CurrentUser admin, ClientInfo client) {
        serializable.executeWithoutResult(status -> {
            User user = users.findById(userId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "User not found"));
            if (user.getRole() == Role.ADMIN && users.countByRole(Role.ADMIN) <= 1) {
                throw new ApiException(HttpStatus.CONFLICT, "The last admin cannot be deleted");
            }
            users.delete(user);
        });
        audit.record(AuditEvent.USER_DELETED, Outcome.SUCCESS, userId, null, admin.sessionId(), client,
                "by " + admin.id());
    }

    /**
     * The newest audit lines first, optionally only of one event and outcome.
     *
     * @param limit 1 to {@link #MAX_AUDIT_LINES}
     */
    public List<AuditRecord> auditTrail(@Nullable String event, @Nullable String outcome, int limit) {
        int lines = Math.clamp(limit, 1, MAX_AUDIT_LINES);
        return read.execute(status -> auditEntries.newest(blankToNull(event), blankToNull(outcome), Limit.of(lines))
                .stream()
                .map(e -> new AuditRecord(e.getOccurredAt(), e.getEvent(), e.getOutcome(), e.getUserId(), e.getEmail(),
                        e.getIp(), e.getUserAgent(), e.getDetail()))
                .toList());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
