package app.marquee.catalog.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import app.marquee.catalog.tmdb.TmdbData;

/** Merging TMDB's translations into stored ones, and choosing the one to serve for a requested language. */
final class Translations {

    /** A stored translation that can take TMDB's new texts. */
    interface Updatable {
        String language();

        void update(TmdbData.Translation translation);
    }

    private Translations() {
    }

    /**
     * Updates stored translations in place, adds new ones and removes the ones TMDB dropped. In place, so
     * a resync never deletes and re-inserts the same (title, language) pair: Hibernate would insert first
     * and hit the unique key.
     */
    static <T extends Updatable> void merge(List<T> stored, List<TmdbData.Translation> incoming,
            Function<TmdbData.Translation, T> create) {
        Map<String, TmdbData.Translation> byLanguage = new HashMap<>();
        for (TmdbData.Translation translation : incoming) {
            if (translation.language().length() <= 5) {
                byLanguage.putIfAbsent(translation.language(), translation);
            }
        }
        stored.removeIf(t -> !byLanguage.containsKey(t.language()));
        for (T t : stored) {
            t.update(byLanguage.remove(t.language()));
        }
        byLanguage.values().forEach(t -> stored.add(create.apply(t)));
    }

    /**
     * The translation to serve for {@code lang}: the exact language ({@code pt-BR}), else the language's own
     * country ({@code es} → {@code es-ES}), else any country of the language.
     */
    static <T extends Translation> Optional<T> pick(Collection<T> translations, String lang) {
        String base = lang.substring(0, 2).toLowerCase(Locale.ROOT);
        String home = base + "-" + base.toUpperCase(Locale.ROOT);
        T sameBase = null;
        T homeCountry = null;
        for (T t : translations) {
            if (t.language().equalsIgnoreCase(lang)) {
                return Optional.of(t);
            }
            if (t.language().equals(home)) {
                homeCountry = t;
            } else if (sameBase == null && t.language().startsWith(base)) {
                sameBase = t;
            }
        }
        return Optional.ofNullable(homeCountry != null ? homeCountry : sameBase);
    }

    /** The first non-blank of a translated text and the English one. */
    static String or(String translated, String english) {
        return translated != null && !translated.isBlank() ? translated : english;
    }
}
