package app.marquee.trakt.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.marquee.accounts.EncryptedString;

/**
 * A Trakt account (the seed's TraktUser) and the Marquee user it is linked to, if any. Its OAuth tokens are
 * stored encrypted.
 */
@Entity
@Table(name = "trakt_user")
public class TraktAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private @Nullable String userId;
    private String traktSlug;
    private @Nullable String traktUsername;

    @Convert(converter = EncryptedString.class)
    private @Nullable String accessToken;

    @Convert(converter = EncryptedString.class)
    private @Nullable String refreshToken;

    private @Nullable Instant tokenExpiresAt;
    private @Nullable String scope;
    private @Nullable Instant watchlistSyncedAt;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    protected TraktAccount() {
        // for JPA
    }

    TraktAccount(String traktSlug, Instant now) {
        this.traktSlug = traktSlug;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable String getUserId() {
        return userId;
    }

    public String getTraktSlug() {
        return traktSlug;
    }

    public @Nullable String getTraktUsername() {
        return traktUsername;
    }

    @Nullable String getAccessToken() {
        return accessToken;
    }

    @Nullable String getRefreshToken() {
        return refreshToken;
    }

    @Nullable Instant getTokenExpiresAt() {
        return tokenExpiresAt;
    }

    boolean hasTokens() {
        return accessToken != null && refreshToken != null;
    }

    void linkTo(@Nullable String userId, Instant now) {
        this.userId = userId;
        this.updatedAt = now;
    }

    void tokens(@Nullable String username, String accessToken, String refreshToken, Instant expiresAt,
            @Nullable String scope, Instant now) {
        if (username != null) {
            this.traktUsername = username;
        }
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.tokenExpiresAt = expiresAt;
        this.scope = scope;
        this.updatedAt = now;
    }

    void forgetTokens(Instant now) {
        this.accessToken = null;
        this.refreshToken = null;
        this.tokenExpiresAt = null;
        this.updatedAt = now;
    }
}
