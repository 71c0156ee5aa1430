package app.marquee.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecretIsGeneratedOnceAndThenReadBack() throws Exception {
        GeneratedSecrets secrets = new GeneratedSecrets(new DataDirectory(new MarqueeProperties(dataDir)));
        String first = secrets.getOrCreate("encryption-key", 32);
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(secrets.getOrCreate("encryption-key", 32)).isEqualTo(first);
        assertThat(new GeneratedSecrets(new DataDirectory(new MarqueeProperties(dataDir)))
                .getOrCreate("encryption-key", 32)).isEqualTo(first);
        assertThat(secrets.getOrCreate("other-key", 32)).isNotEqualTo(first);
        try (var files = Files.list(dataDir.resolve("secrets"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("encryption-key", "other-key");
        }
    }

    @Test
    void anEmptySecretFileIsAnErrorNotASilentNewKey() throws Exception {
        GeneratedSecrets secrets = new GeneratedSecrets(new DataDirectory(new MarqueeProperties(dataDir)));
        secrets.getOrCreate("jwt-secret", 48);
        Files.writeString(dataDir.resolve("secrets/jwt-secret"), "\n");
        assertThatThrownBy(() -> secrets.getOrCreate("jwt-secret", 48)).hasMessageContaining("jwt-secret");
    }

    @Test
    void namesThatCouldEscapeTheDirectoryAreRefused() {
        GeneratedSecrets secrets = new GeneratedSecrets(new DataDirectory(new MarqueeProperties(dataDir)));
        assertThatThrownBy(() -> secrets.getOrCreate("../outside", 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> secrets.getOrCreate("", 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
