package app.marquee.settings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Name;

import app.marquee.accounts.AccountsProperties;
import app.marquee.catalog.tmdb.TmdbProperties;
import app.marquee.network.VpnProperties;
import app.marquee.playback.PlaybackProperties;
import app.marquee.playback.SubtitlesProperties;
import app.marquee.sources.IndexersProperties;
import app.marquee.sources.SourcesProperties;
import app.marquee.sources.yts.YtsProperties;
import app.marquee.streaming.StreamingProperties;
import app.marquee.sync.SyncProperties;
import app.marquee.torrent.TorrentProperties;
import app.marquee.trakt.TraktProperties;

/**
 * Every setting the API offers is a real property of a module's record: a key that bound to nothing would be
 * refused by every PUT (unknown names stop start-up), so a typo here would make a setting impossible to change.
 */
class SettingCatalogTest {

    private static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry("marquee.tmdb", TmdbProperties.class),
            Map.entry("marquee.trakt", TraktProperties.class),
            Map.entry("marquee.indexers", IndexersProperties.class),
            Map.entry("marquee.yts", YtsProperties.class),
            Map.entry("marquee.sources", SourcesProperties.class),
            Map.entry("marquee.torrent", TorrentProperties.class),
            Map.entry("marquee.streaming", StreamingProperties.class),
            Map.entry("marquee.vpn", VpnProperties.class),
            Map.entry("marquee.sync", SyncProperties.class),
            Map.entry("marquee.accounts", AccountsProperties.class),
            Map.entry("marquee.playback", PlaybackProperties.class),
            Map.entry("marquee.subtitles", SubtitlesProperties.class));

    @Test
    void everySettingNamesAComponentOfItsModulesRecord() {
        assertThat(SettingCatalog.all()).allSatisfy(setting -> {
            String prefix = RECORDS.keySet().stream().filter(p -> setting.key().startsWith(p + ".")).findFirst()
                    .orElseThrow(() -> new AssertionError(setting.key() + " belongs to no known record"));
            Class<?> type = RECORDS.get(prefix);
            for (String part : setting.key().substring(prefix.length() + 1).replace("[n]", "").split("\\.")) {
                type = component(type, part, setting.key());
            }
        });
    }

    @Test
    void indexedKeysMatchTheirInstancesOnly() {
        assertThat(SettingCatalog.find("marquee.indexers.torznab[3].api-key")).get()
                .satisfies(s -> assertThat(s.secret()).isTrue())
                .satisfies(s -> assertThat(s.key()).isEqualTo("marquee.indexers.torznab[3].api-key"));
        assertThat(SettingCatalog.find("marquee.indexers.torznab[x].url")).isEmpty();
        assertThat(SettingCatalog.find("marquee.indexers.torznab[0].url.extra")).isEmpty();
        assertThat(SettingCatalog.instanceOf("marquee.indexers.torznab[12].name")).isEqualTo(12);
        assertThat(SettingCatalog.instanceOf("marquee.tmdb.timeout")).isNull();
    }

    @Test
    void secretsAndPathsFollowConfigMd() {
        assertThat(SettingCatalog.all().stream().filter(Setting::secret).map(Setting::key)).containsExactlyInAnyOrder(
                "marquee.tmdb.access-token", "marquee.tmdb.api-key", "marquee.trakt.client-secret",
                "marquee.indexers.torznab[n].api-key", "marquee.subtitles.opensubtitles.api-key");
        assertThat(List.of("marquee.data-dir", "marquee.streaming.download-dir", "marquee.playback.ffmpeg",
                "marquee.playback.ffprobe",
                "spring.datasource.password", "marquee.accounts.encryption-key", "marquee.accounts.jwt-secret",
                "marquee.accounts.blind-index-key", "marquee.admin.password", "server.port"))
                .allSatisfy(key -> {
                    assertThat(SettingCatalog.isReserved(key)).as(key).isTrue();
                    assertThat(SettingCatalog.find(key)).as(key).isEmpty();
                });
        // what ffmpeg may do is a setting; which program runs is not
        assertThat(SettingCatalog.find("marquee.playback.max-transcodes")).isPresent();
        assertThat(SettingCatalog.isReserved("marquee.playback.max-transcodes")).isFalse();
    }

    /** The type of the record component that the kebab-case name binds to (a list's element type for a list). */
    private static Class<?> component(Class<?> record, String kebab, String key) {
        assertThat(record.isRecord()).as(key + ": " + record.getSimpleName() + " is not a record").isTrue();
        for (RecordComponent component : record.getRecordComponents()) {
            Name name = constructorName(record, component);
            String bound = name != null ? name.value() : kebab(component.getName());
            if (bound.equals(kebab)) {
                Type generic = component.getGenericType();
                if (generic instanceof ParameterizedType list && List.class.equals(list.getRawType())
                        && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                    return element;
                }
                return component.getType();
            }
        }
        throw new AssertionError(key + ": " + record.getSimpleName() + " has no component bound as " + kebab);
    }

    private static Name constructorName(Class<?> record, RecordComponent component) {
        for (var constructor : record.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == record.getRecordComponents().length) {
                for (var parameter : constructor.getParameters()) {
                    if (parameter.getName().equals(component.getName())) {
                        return parameter.getAnnotation(Name.class);
                    }
                }
            }
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
