package app.marquee.settings.internal;

import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Where a setting's value comes from. A setting is locked when a property source above the stored settings
 * (environment variables, system properties, arguments, a test's properties) sets it, with Spring's relaxed
 * names ({@code MARQUEE_TMDB_ACCESS_TOKEN} sets {@code marquee.tmdb.access-token}). A list is taken whole from
 * the first source that has any element of it, so one Torznab indexer given by the environment locks them all.
 */
@Component
class SettingOrigins {

    private final ConfigurableEnvironment environment;

    SettingOrigins(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /** True when a source above the stored settings sets {@code setting} (any element, for a list instance). */
    boolean locked(Setting setting) {
        String name = setting.indexed() || SettingCatalog.instanceOf(setting.key()) != null
                ? listRoot(setting.key()) : setting.key();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getName().equals(StoredSettingsSource.NAME)) {
                return false;
            }
            if (sets(source, name)) {
                return true;
            }
        }
        return false;
    }

    /** True when any source sets the key. */
    boolean hasValue(String key) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (sets(source, key)) {
                return true;
            }
        }
        return false;
    }

    /** How many instances of the list some source names: the highest index plus one; 0 for none. */
    int instances(String listRoot) {
        ConfigurationPropertyName root = ConfigurationPropertyName.of(listRoot);
        int count = 0;
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (adapt(source) instanceof IterableConfigurationPropertySource iterable) {
                OptionalInt highest = iterable.stream()
                        .filter(root::isAncestorOf)
                        .map(name -> name.getElement(root.getNumberOfElements(), ConfigurationPropertyName.Form.ORIGINAL))
                        .filter(element -> element.matches("\\d{1,2}"))
                        .mapToInt(Integer::parseInt)
                        .max();
                if (highest.isPresent()) {
                    count = Math.max(count, highest.getAsInt() + 1);
                }
            }
        }
        return count;
    }

    private static boolean sets(PropertySource<?> source, String key) {
        ConfigurationPropertySource adapted = adapt(source);
        if (adapted == null) {
            return false;
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        return adapted.getConfigurationProperty(name) != null
                || adapted.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT;
    }

    /** Spring's view of one source with relaxed names; null for the environment's own aggregate of all sources. */
    private static @Nullable ConfigurationPropertySource adapt(PropertySource<?> source) {
        if (source.getSource() instanceof Iterable<?>) {
            return null; // "configurationProperties": every source again
        }
        return ConfigurationPropertySource.from(source);
    }

    private static String listRoot(String key) {
        int bracket = key.indexOf('[');
        return key.substring(0, bracket);
    }
}
