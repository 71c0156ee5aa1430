package app.marquee.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;

import org.springframework.stereotype.Component;

/**
 * The look-up index of an encrypted value: HMAC-SHA256 under its own key, in lower-case hex (64 chars).
 * Equal inputs give equal indexes, so uniqueness, joins and look-ups work on it, while the value itself
 * cannot be read back from it without the key. Callers normalise first (trim and lower-case an email,
 * lower-case a hex info-hash), so that equal values index equally.
 *
 * <p>Thread-safe.
 */
@Component
public final class BlindIndex {

    private final AccountKeys keys;

    public BlindIndex(AccountKeys keys) {
        this.keys = keys;
    }

    public String of(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.blindIndexKey());
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
