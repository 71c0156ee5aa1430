package app.marquee.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.marquee.platform.DataDirectory;
import app.marquee.platform.GeneratedSecrets;
import app.marquee.platform.MarqueeProperties;

class FieldEncryptionTest {

    @TempDir
    Path dataDir;

    @Test
    void aValueRoundTripsAndTheStoredFormNamesItsKeyAndHidesTheText() {
        FieldEncryption encryption = new FieldEncryption(keys("k1"));
        String stored = encryption.encrypt("magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056");
        assertThat(stored).startsWith("k1:").doesNotContain("magnet").doesNotContain("c9e15763");
        assertThat(encryption.decrypt(stored)).isEqualTo("magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056");
    }

    @Test
    void equalTextsGiveDifferentStoredValues() {
        FieldEncryption encryption = new FieldEncryption(keys("k1"));
        assertThat(encryption.encrypt("same")).isNotEqualTo(encryption.encrypt("same"));
    }

    @Test
    void anAlteredValueFailsToDecryptInsteadOfGivingOtherText() {
        FieldEncryption encryption = new FieldEncryption(keys("k1"));
        String stored = encryption.encrypt("secret token");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length / 2] ^= 1;
        String altered = "k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> encryption.decrypt(altered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void aValueOfAnotherKeyIsRefusedByName() {
        String stored = new FieldEncryption(keys("old")).encrypt("x");
        assertThatThrownBy(() -> new FieldEncryption(keys("k2")).decrypt(stored))
                .hasMessageContaining("'old'");
        assertThatThrownBy(() -> new FieldEncryption(keys("k1")).decrypt("no colon here"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldEncryption(keys("k1")).decrypt("k1:not*base64"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldEncryption(keys("k1")).decrypt("k1:AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBlindIndexIsStableAndKeyed() {
        AccountKeys keys = keys("k1");
        BlindIndex index = new BlindIndex(keys);
        assertThat(index.of("ana@example.com")).hasSize(64).isEqualTo(index.of("ana@example.com"))
                .isNotEqualTo(index.of("bob@example.com"));
        AccountKeys otherKeys = new AccountKeys(properties("k1"), new GeneratedSecrets(
                new DataDirectory(new MarqueeProperties(dataDir.resolve("other")))));
        assertThat(new BlindIndex(otherKeys).of("ana@example.com")).isNotEqualTo(index.of("ana@example.com"));
    }

    private AccountKeys keys(String keyId) {
        return new AccountKeys(properties(keyId), new GeneratedSecrets(new DataDirectory(new MarqueeProperties(dataDir))));
    }

    private static AccountsProperties properties(String keyId) {
        return new AccountsProperties(null, null, keyId, null, java.time.Duration.ofMinutes(15),
                java.time.Duration.ofDays(7), AccountsProperties.CookieSecure.AUTO, "__at", "__rt",
                new AccountsProperties.RateLimits(true, false), java.util.List.of());
    }
}
