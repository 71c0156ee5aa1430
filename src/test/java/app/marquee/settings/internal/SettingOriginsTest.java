package app.marquee.settings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A setting is locked when an environment variable (in its upper-case spelling) or an argument sets it, and
 * only then: a value in {@code application.yml} or in the database leaves it free.
 */
class SettingOriginsTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    SettingOriginsTest() {
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "MARQUEE_TMDB_ACCESS_TOKEN", "from-env",
                        "MARQUEE_INDEXERS_TORZNAB_0_URL", "http://prowlarr:9696/1/api",
                        "MARQUEE_INDEXERS_TORZNAB_0_NAME", "prowlarr")));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs",
                Map.of("marquee.sources.scrape-batch", "30")));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml",
                Map.of("marquee.yts.timeout", "5s", "marquee.tmdb.api-key", "from-file")));
        new StoredSettingsSource(Map.of("marquee.tmdb.timeout", "7s", "marquee.sources.scrape-batch", "12"))
                .install(environment);
        ConfigurationPropertySources.attach(environment);
    }

    private final SettingOrigins origins = new SettingOrigins(environment);

    @Test
    void environmentVariablesAndArgumentsLockWhatTheySet() {
        assertThat(origins.locked(setting("marquee.tmdb.access-token"))).isTrue();
        assertThat(origins.locked(setting("marquee.sources.scrape-batch"))).isTrue();
        assertThat(environment.getProperty("marquee.sources.scrape-batch")).isEqualTo("30");
    }

    @Test
    void theDatabaseAndApplicationYmlLeaveASettingFree() {
        assertThat(origins.locked(setting("marquee.tmdb.timeout"))).isFalse();
        assertThat(environment.getProperty("marquee.tmdb.timeout")).isEqualTo("7s");
        assertThat(origins.locked(setting("marquee.yts.timeout"))).isFalse();
        assertThat(origins.locked(setting("marquee.tmdb.api-key"))).isFalse();
        assertThat(origins.hasValue("marquee.tmdb.api-key")).isTrue();
        assertThat(origins.hasValue("marquee.tmdb.requests-per-second")).isFalse();
    }

    @Test
    void aListFromTheEnvironmentLocksEveryInstance() {
        assertThat(origins.instances("marquee.indexers.torznab")).isEqualTo(1);
        assertThat(origins.locked(setting("marquee.indexers.torznab[0].api-key"))).isTrue();
        assertThat(origins.locked(setting("marquee.indexers.torznab[1].name"))).isTrue();
    }

    private static Setting setting(String key) {
        return SettingCatalog.find(key).orElseThrow();
    }
}
