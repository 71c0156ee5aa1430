package app.marquee.accounts.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A login (a profile of a browser or TV): the id the client sends as {@code X-Session-Id}. */
@Entity
@Table(name = "user_session")
public class UserSession {

    @Id
    private String id;

    private String userId;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant lastSeenAt;
    private Instant expiresAt;
    private @Nullable Instant revokedAt;
    private @Nullable String revokeReason;
    private @Nullable String ip;
    private @Nullable String userAgent;

    protected UserSession() {
        // for JPA
    }

    UserSession(String id, String userId, Instant now, Instant expiresAt, ClientInfo client) {
        this.id = id;
        this.userId = userId;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = expiresAt;
        this.ip = client.ip();
        this.userAgent = client.userAgent();
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now, String reason) {
        if (revokedAt == null) {
            revokedAt = now;
            revokeReason = reason;
        }
    }

    void refreshed(Instant now, Instant newExpiry, ClientInfo client) {
        lastSeenAt = now;
        expiresAt = newExpiry;
        ip = client.ip();
        userAgent = client.userAgent();
    }
}
