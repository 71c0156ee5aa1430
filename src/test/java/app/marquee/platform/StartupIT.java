package app.marquee.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.marquee.MarqueeApplication;
import app.marquee.accounts.AccountKeys;

/** Start-up as a user meets it: generated secrets kept across restarts, and bad settings refused by name. */
@ExtendWith(OutputCaptureExtension.class)
class StartupIT {

    @TempDir
    Path dataDir;

    @Test
    void secretsGeneratedAtFirstStartAreKeptOwnerOnlyAndReusedAfterARestart(CapturedOutput output) throws Exception {
        byte[] jwt;
        byte[] encryption;
        byte[] blindIndex;
        try (ConfigurableApplicationContext first = start()) {
            AccountKeys keys = first.getBean(AccountKeys.class);
            jwt = keys.jwtSecret();
            encryption = keys.encryptionKey().getEncoded();
            blindIndex = keys.blindIndexKey().getEncoded();
        }
        assertThat(jwt).hasSizeGreaterThanOrEqualTo(32);
        assertThat(encryption).hasSize(32);
        assertThat(blindIndex).hasSize(32).isNotEqualTo(encryption);

        Path secrets = dataDir.resolve("secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        for (String name : new String[] {"jwt-secret", "encryption-key", "blind-index-key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }

        try (ConfigurableApplicationContext second = start()) {
            AccountKeys keys = second.getBean(AccountKeys.class);
            assertThat(keys.jwtSecret()).isEqualTo(jwt);
            assertThat(keys.encryptionKey().getEncoded()).isEqualTo(encryption);
            assertThat(keys.blindIndexKey().getEncoded()).isEqualTo(blindIndex);
        }

        String logs = output.getAll() + Files.readString(dataDir.resolve("logs/marquee.log"));
        assertThat(logs).contains("Generated secret 'jwt-secret'")
                .doesNotContain(new String(jwt, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(Base64.getEncoder().encodeToString(encryption))
                .doesNotContain(Base64.getEncoder().encodeToString(blindIndex));
    }

    @Test
    void logsGoToTheDataDirectoryAsOneJsonObjectPerLine() throws Exception {
        start().close();
        List<String> lines = Files.readAllLines(dataDir.resolve("logs/marquee.log"));
        assertThat(lines).isNotEmpty().anySatisfy(line -> assertThat(line).contains(dataDir.resolve("marquee.db").toString()));
        JsonMapper json = JsonMapper.builder().build();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.path("@timestamp").isString()).as(line).isTrue();
            assertThat(entry.path("log").path("level").isString()).as(line).isTrue();
            assertThat(entry.path("message").isString()).as(line).isTrue();
        }
    }

    @Test
    void configuredKeysWinAndNothingIsGeneratedForThem() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        String encoded = Base64.getEncoder().encodeToString(key);
        try (ConfigurableApplicationContext context = start(
                "--marquee.accounts.encryption-key=" + encoded,
                "--marquee.accounts.jwt-secret=" + "j".repeat(40))) {
            AccountKeys keys = context.getBean(AccountKeys.class);
            assertThat(keys.encryptionKey().getEncoded()).isEqualTo(key);
            assertThat(keys.jwtSecret()).isEqualTo("j".repeat(40).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(dataDir.resolve("secrets/encryption-key")).doesNotExist();
        assertThat(dataDir.resolve("secrets/jwt-secret")).doesNotExist();
        assertThat(dataDir.resolve("secrets/blind-index-key")).exists();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "marquee.tmdb.requests-per-second | 0",
        "marquee.tmdb.timeout             | 5ms",
        "marquee.tmdb.acess-token         | typo-in-the-name",
        "marquee.accounts.encryption-key  | too-short",
        "marquee.accounts.jwt-secret      | shorter-than-32-characters",
        "marquee.accounts.cookie-secure   | sometimes",
        "marquee.sync.list-refresh.period | 1ms",
        "marquee.vpn.interface            | not an interface!",
        "marquee.torrent.listen-port      | 70000",
        "marquee.streaming.max-disk       | lots",
        "marquee.admin.email              | not-an-email",
    })
    void aBadSettingStopsStartUpWithAMessageNamingIt(String property, String value, CapturedOutput output) {
        assertThatThrownBy(() -> start("--" + property + "=" + value).close()).isInstanceOf(RuntimeException.class);
        assertThat(output.getAll()).contains(property);
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamed(CapturedOutput output) throws Exception {
        Path file = Files.writeString(dataDir.resolve("a-file"), "not a directory");
        assertThatThrownBy(() -> new SpringApplicationBuilder(MarqueeApplication.class)
                .web(WebApplicationType.NONE)
                .run("--marquee.data-dir=" + file.resolve("data")).close())
                .isInstanceOf(RuntimeException.class);
        assertThat(output.getAll()).contains("marquee.data-dir");
    }

    private ConfigurableApplicationContext start(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--marquee.data-dir=" + dataDir;
        return new SpringApplicationBuilder(MarqueeApplication.class).web(WebApplicationType.NONE).run(all);
    }
}
