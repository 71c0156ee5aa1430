package app.marquee.settings.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import app.marquee.platform.ApiException;
import app.marquee.platform.ConfigurationChanged;
import app.marquee.platform.ServiceStatus;

/**
 * What {@code /api/config} does: lists the settings an admin may change with where they stand, stores
 * changes all or nothing after checking them as start-up would, and restarts the services that re-read their
 * settings in place. Secret values go into the database encrypted and into the environment, and come out of
 * nowhere else: not in answers, logs, audit entries or error messages.
 */
@Service
public class RuntimeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RuntimeConfiguration.class);
    /** Userinfo of a URL ({@code https://user:pass@host}), a secret in a setting that is not one. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(://)[^/@\\s,]+@");

    private final ConfigurableEnvironment environment;
    private final SettingOrigins origins;
    private final CandidateCheck check;
    private final SettingsStore store;
    private final ApplicationEventPublisher events;
    private final ServiceStatuses statuses;

    RuntimeConfiguration(ConfigurableEnvironment environment, SettingOrigins origins, CandidateCheck check,
            SettingsStore store, ApplicationEventPublisher events, ServiceStatuses statuses) {
        this.environment = environment;
        this.origins = origins;
        this.check = check;
        this.store = store;
        this.events = events;
        this.statuses = statuses;
    }

    /** One setting as {@code GET /api/config} lists it; a secret's value is always empty. */
    public record Entry(String key, String value, boolean isSecret, String serviceGroup, String description,
            boolean required, boolean hasValue, boolean locked) {
    }

    /** The outcome of a change: the services restarted now, and those that read it at the next start. */
    public record Applied(List<String> restarting, List<String> needsProcessRestart, String auditDetail) {
    }

    /** A change refused as a whole: the keys at fault, each with why (never with its value). */
    public static final class Refused extends RuntimeException {
        private final Map<String, String> reasons;

        Refused(Map<String, String> reasons) {
            super("invalid settings: " + reasons.keySet(), null, false, false);
            this.reasons = Map.copyOf(reasons);
        }

        public List<String> invalidKeys() {
            return List.copyOf(new TreeSet<>(reasons.keySet()));
        }

        public Map<String, String> reasons() {
            return reasons;
        }
    }

    /**
     * Every setting the API may change: plain ones in catalog order, and for each list (Torznab indexers) its
     * instances plus one free index to add the next one at.
     */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (Setting setting : SettingCatalog.all()) {
            if (setting.indexed()) {
                int instances = origins.instances(setting.listRoot());
                for (int n = 0; n <= instances; n++) {
                    entries.add(entry(setting.as(setting.instance(n))));
                }
            } else {
                entries.add(entry(setting));
            }
        }
        return entries;
    }

    private Entry entry(Setting setting) {
        boolean hasValue = origins.hasValue(setting.key());
        String value = setting.secret() || !hasValue ? "" : redacted(environment.getProperty(setting.key(), ""));
        return new Entry(setting.key(), value, setting.secret(), setting.service(), setting.description(),
                setting.required(), hasValue, origins.locked(setting));
    }

    /**
     * Stores the changes (an empty value removes a stored one) when every key may be set and every value binds,
     * else stores nothing; then restarts the services that re-read the changed settings in place.
     *
     * @throws ApiException 400 for keys the API does not know or never sets
     * @throws Refused for values start-up would refuse, or keys an environment variable or argument fixes
     */
    public synchronized Applied update(Map<String, String> changes, @Nullable String adminId) {
        rejectUnknown(changes.keySet());
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String key : changes.keySet()) {
            if (origins.locked(SettingCatalog.find(key).orElseThrow())) {
                reasons.put(key, "fixed by an environment variable or argument, which the database never overrides");
            }
        }
        for (String key : check.gaps(changes)) {
            reasons.put(key, "list instances are numbered 0, 1, 2... without a gap: remove the last one, "
                    + "or disable one with enabled=false");
        }
        for (String key : check.invalidKeys(changes)) {
            reasons.putIfAbsent(key, "not a valid value for this setting");
        }
        if (!reasons.isEmpty()) {
            throw new Refused(reasons);
        }
        store.save(changes, adminId);
        Map<String, String> stored = StoredSettingsSource.in(environment).values();
        changes.forEach((key, value) -> {
            if (value.isEmpty()) {
                stored.remove(key);
            } else {
                stored.put(key, value);
            }
        });
        new StoredSettingsSource(stored).install(environment);

        Set<String> restarting = new LinkedHashSet<>();
        Set<String> needsProcessRestart = new LinkedHashSet<>();
        for (String key : changes.keySet()) {
            Setting setting = SettingCatalog.find(key).orElseThrow();
            (setting.liveReload() ? restarting : needsProcessRestart).add(setting.service());
        }
        for (String service : List.copyOf(restarting)) {
            try {
                events.publishEvent(new ConfigurationChanged(service));
            } catch (RuntimeException e) {
                log.error("Service {} could not take its new settings in place; they apply at the next start: {}",
                        service, e.getClass().getSimpleName());
                restarting.remove(service);
                needsProcessRestart.add(service);
            }
        }
        return new Applied(List.copyOf(restarting), List.copyOf(needsProcessRestart), auditDetail(changes));
    }

    /**
     * Makes a service re-read its settings and start afresh, then reports its status.
     *
     * @throws ApiException 404 for a service the API does not know, 422 for one that reads its settings only at
     *     start-up
     */
    public ServiceStatus restart(String service) {
        if (!SettingCatalog.services().contains(service)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Unknown service", service);
        }
        if (!SettingCatalog.LIVE_SERVICES.contains(service)) {
            throw new ProcessRestartRequired(service);
        }
        events.publishEvent(new ConfigurationChanged(service));
        return statuses.of(service);
    }

    /** A service that only reads its settings at start-up was asked to restart in place. */
    public static final class ProcessRestartRequired extends RuntimeException {
        ProcessRestartRequired(String service) {
            super(service + " reads its settings only at start-up: restart Marquee to apply them", null, false, false);
        }
    }

    private static void rejectUnknown(Set<String> keys) {
        List<String> reserved = keys.stream().filter(SettingCatalog::isReserved).sorted().toList();
        if (!reserved.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Not settable through the API: " + String.join(", ", reserved),
                    "paths, the database, the server port and key material are set only by file, environment or argument");
        }
        List<String> unknown = keys.stream().filter(key -> SettingCatalog.find(key).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Unknown configuration keys: " + String.join(", ", unknown));
        }
    }

    /** The changed keys with their values, secrets as {@code <secret>}, for the audit trail (at most 1000 chars). */
    private static String auditDetail(Map<String, String> changes) {
        StringBuilder detail = new StringBuilder();
        new TreeSet<>(changes.keySet()).forEach(key -> {
            boolean secret = SettingCatalog.find(key).map(Setting::secret).orElse(true);
            String value = changes.get(key);
            detail.append(detail.isEmpty() ? "" : ", ").append(key).append('=')
                    .append(value.isEmpty() ? "<removed>" : secret ? "<secret>" : redacted(value));
        });
        return detail.length() > 1000 ? detail.substring(0, 997) + "..." : detail.toString();
    }

    private static String redacted(String value) {
        return URL_CREDENTIALS.matcher(value).replaceAll("$1<credentials>@");
    }
}
