package app.marquee.settings.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One setting of CONFIG.md that {@code /api/config} may change, or a family of them: a key with {@code [n]}
 * ({@code marquee.indexers.torznab[n].url}) stands for every instance of a list.
 *
 * @param key the property name as CONFIG.md writes it
 * @param service the service group it belongs to ({@code tmdb}, {@code indexers}...)
 * @param description what it does, with its default
 * @param secret a key, token or password: never returned, stored encrypted, never logged or audited
 * @param required the service does not work without it
 * @param liveReload its service re-reads it when restarted; else it takes effect at the next process start
 */
record Setting(String key, String service, String description, boolean secret, boolean required, boolean liveReload) {

    private static final String INDEX = "[n]";

    /** True for a family of list keys. */
    boolean indexed() {
        return key.contains(INDEX);
    }

    /** The list the instances belong to ({@code marquee.indexers.torznab}), for an indexed setting. */
    String listRoot() {
        return key.substring(0, key.indexOf(INDEX));
    }

    /** This setting of instance {@code n} of its list. */
    String instance(int n) {
        return key.replace(INDEX, "[" + n + "]");
    }

    /** The instance index when {@code candidate} is this setting of some instance, else null; -1 for a plain match. */
    @Nullable Integer match(String candidate) {
        if (!indexed()) {
            return key.equals(candidate) ? -1 : null;
        }
        Matcher matcher = Pattern.compile(Pattern.quote(listRoot()) + "\\[(\\d{1,2})]"
                + Pattern.quote(key.substring(key.indexOf(INDEX) + INDEX.length()))).matcher(candidate);
        return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** A copy of this setting that names one concrete key. */
    Setting as(String concreteKey) {
        return new Setting(concreteKey, service, description, secret, required, liveReload);
    }
}
