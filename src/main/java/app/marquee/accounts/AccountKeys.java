package app.marquee.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.marquee.platform.GeneratedSecrets;
import app.marquee.platform.Secrets;

/**
 * The keys of accounts and field encryption: the configured ones, else ones generated at first start
 * and kept in the data directory, so a restart keeps every session and every encrypted column readable.
 *
 * <p>Immutable and thread-safe. The keys never appear in {@link #toString()} or in any log line.
 */
@Component
public final class AccountKeys {

    private final byte[] jwtSecret;
    private final SecretKey encryptionKey;
    private final String encryptionKeyId;
    private final SecretKey blindIndexKey;

    public AccountKeys(AccountsProperties properties, GeneratedSecrets generated) {
        String jwt = configuredOr(properties.jwtSecret(), () -> generated.getOrCreate("jwt-secret", 48));
        this.jwtSecret = jwt.getBytes(StandardCharsets.UTF_8);
        this.encryptionKey = new SecretKeySpec(
                decode(configuredOr(properties.encryptionKey(), () -> generated.getOrCreate("encryption-key", 32))),
                "AES");
        this.encryptionKeyId = properties.encryptionKeyId();
        this.blindIndexKey = new SecretKeySpec(
                decode(configuredOr(properties.blindIndexKey(), () -> generated.getOrCreate("blind-index-key", 32))),
                "HmacSHA256");
    }

    /** The HS256 signing key of access tokens (a copy). */
    public byte[] jwtSecret() {
        return jwtSecret.clone();
    }

    /** The AES-256 key of encrypted columns. */
    public SecretKey encryptionKey() {
        return encryptionKey;
    }

    /** The id stored beside each value encrypted with {@link #encryptionKey()}. */
    public String encryptionKeyId() {
        return encryptionKeyId;
    }

    /** The HMAC-SHA256 key of blind indexes. */
    public SecretKey blindIndexKey() {
        return blindIndexKey;
    }

    @Override
    public String toString() {
        return "AccountKeys[keyId=" + encryptionKeyId + "]";
    }

    private static String configuredOr(@Nullable String configured, java.util.function.Supplier<String> generate) {
        return Secrets.isSet(configured) ? configured : generate.get();
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
