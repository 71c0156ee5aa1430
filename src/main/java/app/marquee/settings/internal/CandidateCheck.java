package app.marquee.settings.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.stereotype.Component;

import app.marquee.platform.SettingsBinder;

/**
 * Checks changed values the way start-up would: each changed key's {@code @ConfigurationProperties} record
 * (found among the application's own, by the longest prefix, so settings depend on no module) is bound with
 * its validation from the environment with the changes in place of the stored settings. A record that fails
 * is bound again with each of its changed keys alone, to name the bad ones; when none fails alone, the
 * combination is what is wrong and all are named.
 */
@Component
class CandidateCheck {

    private final ApplicationContext context;
    private final ConfigurableEnvironment environment;
    private final SettingsBinder binder;
    private volatile Map<String, Class<?>> typesByPrefix = Map.of();

    CandidateCheck(ApplicationContext context, ConfigurableEnvironment environment, SettingsBinder binder) {
        this.context = context;
        this.environment = environment;
        this.binder = binder;
    }

    /**
     * The changed keys of a list (Torznab indexers) that would leave a gap in its numbering: a list stops at its
     * first missing index, so the instances after the gap would silently vanish.
     */
    Set<String> gaps(Map<String, String> changes) {
        Map<String, String> candidate = candidate(changes);
        Set<String> gaps = new LinkedHashSet<>();
        for (String key : changes.keySet()) {
            Integer index = SettingCatalog.instanceOf(key);
            if (index == null) {
                continue;
            }
            String root = key.substring(0, key.indexOf('['));
            Set<Integer> present = new java.util.TreeSet<>();
            candidate.keySet().stream().filter(k -> k.startsWith(root + "["))
                    .map(SettingCatalog::instanceOf).filter(java.util.Objects::nonNull).forEach(present::add);
            int expected = 0;
            for (int n : present) {
                if (n != expected++) {
                    gaps.add(key);
                    break;
                }
            }
        }
        return gaps;
    }

    /** The changed keys whose values start-up would refuse; empty when all bind. */
    Set<String> invalidKeys(Map<String, String> changes) {
        Map<Class<?>, List<String>> byType = new LinkedHashMap<>();
        for (String key : changes.keySet()) {
            typeOf(key).ifPresent(type -> byType.computeIfAbsent(type, t -> new java.util.ArrayList<>()).add(key));
        }
        Set<String> invalid = new LinkedHashSet<>();
        byType.forEach((type, keys) -> {
            if (binds(type, changes)) {
                return;
            }
            Set<String> alone = new LinkedHashSet<>();
            for (String key : keys) {
                if (!binds(type, Map.of(key, changes.get(key)))) {
                    alone.add(key);
                }
            }
            invalid.addAll(alone.isEmpty() ? keys : alone);
        });
        return invalid;
    }

    /** The stored settings as they would be after the changes. */
    private Map<String, String> candidate(Map<String, String> changes) {
        Map<String, String> candidate = new HashMap<>(StoredSettingsSource.in(environment).values());
        changes.forEach((key, value) -> {
            if (value.isEmpty()) {
                candidate.remove(key);
            } else {
                candidate.put(key, value);
            }
        });
        return candidate;
    }

    private boolean binds(Class<?> type, Map<String, String> changes) {
        Map<String, String> candidate = candidate(changes);
        MutablePropertySources sources = new MutablePropertySources(environment.getPropertySources());
        StoredSettingsSource stored = new StoredSettingsSource(candidate);
        if (sources.contains(StoredSettingsSource.NAME)) {
            sources.replace(StoredSettingsSource.NAME, stored);
        } else {
            sources.addLast(stored);
        }
        try {
            binder.bind(type, sources);
            return true;
        } catch (RuntimeException e) {
            // the message may quote the value: a secret must not reach a log
            return false;
        }
    }

    private Optional<Class<?>> typeOf(String key) {
        return typesByPrefix().entrySet().stream()
                .filter(entry -> key.startsWith(entry.getKey() + ".") || key.startsWith(entry.getKey() + "["))
                .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue);
    }

    private Map<String, Class<?>> typesByPrefix() {
        if (typesByPrefix.isEmpty()) {
            Map<String, Class<?>> types = new HashMap<>();
            for (ConfigurationPropertiesBean bean : ConfigurationPropertiesBean.getAll(context).values()) {
                ConfigurationProperties annotation = bean.getAnnotation();
                if (!annotation.prefix().isEmpty()) {
                    types.put(annotation.prefix(), bean.getInstance().getClass());
                }
            }
            typesByPrefix = Map.copyOf(types);
        }
        return typesByPrefix;
    }
}
