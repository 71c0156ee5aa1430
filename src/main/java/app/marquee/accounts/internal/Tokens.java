package app.marquee.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random opaque values (session ids, refresh tokens) and the hash under which they are stored. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 128 random bits in unpadded base64url: the shape of a session id. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private Tokens() {
    }

    /** A new session id: 128 random bits. */
    public static String sessionId() {
        return random(16);
    }

    /** A new refresh token: 256 random bits. */
    static String refreshToken() {
        return random(32);
    }

    public static boolean isSessionId(String value) {
        return SESSION_ID.matcher(value).matches();
    }

    /** SHA-256 in hex: refresh tokens are high-entropy, so a fast hash is enough to make a leaked table useless. */
    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
