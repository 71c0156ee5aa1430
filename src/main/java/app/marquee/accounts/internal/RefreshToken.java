package app.marquee.accounts.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** One refresh token of a session, stored only as its SHA-256. Replaced (rotated) by every refresh. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String sessionId;
    private String tokenHash;

    @Column(updatable = false)
    private Instant issuedAt;

    private Instant expiresAt;
    private @Nullable Instant rotatedAt;
    private @Nullable Instant revokedAt;

    protected RefreshToken() {
        // for JPA
    }

    RefreshToken(String sessionId, String tokenHash, Instant issuedAt, Instant expiresAt) {
        this.sessionId = sessionId;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getSessionId() {
        return sessionId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public @Nullable Instant getRotatedAt() {
        return rotatedAt;
    }

    public @Nullable Instant getRevokedAt() {
        return revokedAt;
    }
}
