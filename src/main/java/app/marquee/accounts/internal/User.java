package app.marquee.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.marquee.accounts.EncryptedString;
import app.marquee.accounts.Role;

/** An account. Its email is stored encrypted; {@code emailIndex} is the blind index that finds it. */
@Entity
@Table(name = "app_user")
public class User {

    /** Failed logins in a row before the account is locked for a while. */
    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    @Id
    private String id;

    @Convert(converter = EncryptedString.class)
    private String email;

    private String emailIndex;
    private String passwordHash;

    @Convert(converter = RoleColumn.class)
    private Role role;

    private @Nullable String displayName;
    private @Nullable String preferredLanguage;
    private int failedLoginCount;
    private @Nullable Instant lockedUntil;
    private @Nullable Instant lastLoginAt;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    protected User() {
        // for JPA
    }

    User(String email, String emailIndex, String passwordHash, Role role, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.email = email;
        this.emailIndex = emailIndex;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public @Nullable String getDisplayName() {
        return displayName;
    }

    public @Nullable Instant getLockedUntil() {
        return lockedUntil;
    }

    public int getFailedLoginCount() {
        return failedLoginCount;
    }

    /** True while a run of failed logins keeps the account locked. */
    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a failed login. From the {@value #FREE_FAILURES}th failure in a row on, the account is locked:
     * 30 s, then twice as long after each further failure, at most 15 min.
     */
    void changeRole(Role newRole) {
        this.role = newRole;
    }

    void loginFailed(Instant now) {
        failedLoginCount++;
        if (failedLoginCount >= FREE_FAILURES) {
            int doublings = Math.min(failedLoginCount - FREE_FAILURES, 10);
            Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
            lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
        }
        updatedAt = now;
    }

    void loginSucceeded(Instant now) {
        failedLoginCount = 0;
        lockedUntil = null;
        lastLoginAt = now;
        updatedAt = now;
    }
}
