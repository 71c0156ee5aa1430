package app.marquee.accounts;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import app.marquee.platform.Secrets;

/**
 * Accounts and security ({@code marquee.accounts.*}, CONFIG.md). Keys left unset are generated at first
 * start and kept in the data directory (see {@link AccountKeys}); several nodes must all be given the
 * same ones.
 *
 * @param jwtSecret HS256 key of access tokens, at least 32 characters (secret)
 * @param encryptionKey AES-256-GCM key of encrypted columns, base64 of 32 bytes (secret)
 * @param encryptionKeyId the name stored beside each encrypted value, so keys can rotate
 * @param blindIndexKey HMAC-SHA256 key of the look-up index of encrypted columns, base64 of 32 bytes (secret)
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token
 * @param cookieSecure when cookies carry {@code Secure}
 * @param accessCookie base name of the access-token cookie; the session id is appended
 * @param refreshCookie base name of the refresh-token cookie; the session id is appended
 * @param rateLimits per-IP and per-route limits
 * @param trustedProxies CIDRs whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed
 */
@Validated
@ConfigurationProperties(prefix = "marquee.accounts", ignoreUnknownFields = false)
public record AccountsProperties(
        @Nullable @Size(min = 32, message = "must be at least 32 characters") String jwtSecret,
        @Nullable @Pattern(regexp = BASE64_32_BYTES, message = KEY_MESSAGE) String encryptionKey,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,16}") @DefaultValue("k1") String encryptionKeyId,
        @Nullable @Pattern(regexp = BASE64_32_BYTES, message = KEY_MESSAGE) String blindIndexKey,
        @NotNull @DurationMin(seconds = 30) @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DurationMin(minutes = 5) @DefaultValue("7d") Duration refreshTokenTtl,
        @NotNull @DefaultValue("auto") CookieSecure cookieSecure,
        @NotNull @Pattern(regexp = COOKIE_NAME) @DefaultValue("__at") String accessCookie,
        @NotNull @Pattern(regexp = COOKIE_NAME) @DefaultValue("__rt") String refreshCookie,
        @Valid @NotNull @DefaultValue RateLimits rateLimits,
        @NotNull @DefaultValue({}) List<@NotBlank String> trustedProxies) {

    /** 32 bytes in standard base64: 43 characters and one '=' of padding. */
    static final String BASE64_32_BYTES = "[A-Za-z0-9+/]{43}=";
    static final String KEY_MESSAGE = "must be base64 of 32 bytes (for example from `openssl rand -base64 32`)";
    static final String COOKIE_NAME = "[A-Za-z0-9_-]{1,32}";

    /** When cookies carry the {@code Secure} attribute. */
    public enum CookieSecure {
        /** on requests that arrived over HTTPS, directly or through a trusted proxy */
        AUTO,
        /** always */
        TRUE,
        /** never */
        FALSE
    }

    /**
     * @param enabled per-IP/route limits and the login lockout
     * @param testMode limits apply only to requests carrying {@code X-Force-RateLimit: true}
     */
    public record RateLimits(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean testMode) {
    }

    @Override
    public String toString() {
        return "AccountsProperties[jwtSecret=" + Secrets.mask(jwtSecret) + ", encryptionKey=" + Secrets.mask(encryptionKey)
                + ", encryptionKeyId=" + encryptionKeyId + ", blindIndexKey=" + Secrets.mask(blindIndexKey)
                + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", cookieSecure=" + cookieSecure + ", accessCookie=" + accessCookie + ", refreshCookie=" + refreshCookie
                + ", rateLimits=" + rateLimits + ", trustedProxies=" + trustedProxies + "]";
    }
}
