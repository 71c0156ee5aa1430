package app.marquee.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive column values with AES-256-GCM.
 *
 * <p>A stored value reads {@code <key id>:<base64(nonce || ciphertext || tag)>}: a fresh random 96-bit
 * nonce per value, so equal clear texts never give equal stored values, and the id of the key, so keys can
 * rotate (a value names the key that can open it). GCM's tag makes any change to a stored value fail to
 * decrypt instead of yielding other text. Values that must be unique or looked up carry a
 * {@link BlindIndex} beside them.
 *
 * <p>Thread-safe.
 */
@Component
public final class FieldEncryption {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final AccountKeys keys;
    private final SecureRandom random = new SecureRandom();

    public FieldEncryption(AccountKeys keys) {
        this.keys = keys;
    }

    /** The stored form of {@code clear}. */
    public String encrypt(String clear) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.encryptionKey(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return keys.encryptionKeyId() + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The clear text of a stored value.
     *
     * @throws IllegalArgumentException when the value is not in the stored form, names a key this node does
     *     not have, or was altered
     */
    public String decrypt(String stored) {
        int colon = stored.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        String keyId = stored.substring(0, colon);
        if (!keyId.equals(keys.encryptionKeyId())) {
            throw new IllegalArgumentException("encrypted with key '" + keyId + "', which this node does not have "
                    + "(marquee.accounts.encryption-key-id is '" + keys.encryptionKeyId() + "')");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encrypted value", e);
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.encryptionKey(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            byte[] clear = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the encrypted value was altered or the key is wrong", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
