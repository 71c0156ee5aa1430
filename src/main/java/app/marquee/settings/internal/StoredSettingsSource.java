package app.marquee.settings.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The settings stored through {@code PUT /api/config}, as one property source of the environment: below
 * environment variables, system properties and arguments (and a test's own properties), above
 * {@code application.yml} and the records' defaults. Secrets are held decrypted, as an environment variable
 * would hold them. Immutable: a change replaces the whole source, so binders never see half of one.
 */
final class StoredSettingsSource extends MapPropertySource {

    static final String NAME = "marqueeStoredSettings";

    StoredSettingsSource(Map<String, String> values) {
        super(NAME, Map.copyOf(values));
    }

    /** The stored values, key to clear value. */
    Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        getSource().forEach((key, value) -> values.put(key, (String) value));
        return values;
    }

    /** The source in {@code environment}, or an empty one if there is none yet. */
    static StoredSettingsSource in(ConfigurableEnvironment environment) {
        PropertySource<?> source = environment.getPropertySources().get(NAME);
        return source instanceof StoredSettingsSource stored ? stored : new StoredSettingsSource(Map.of());
    }

    /** Puts this source in place: replaces the current one, or goes right below the system environment. */
    void install(ConfigurableEnvironment environment) {
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(NAME)) {
            sources.replace(NAME, this);
        } else if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, this);
        } else {
            sources.addLast(this);
        }
    }
}
