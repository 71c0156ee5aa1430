package app.marquee.catalog.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.marquee.catalog.tmdb.TmdbClient;
import app.marquee.catalog.tmdb.TmdbData;
import app.marquee.catalog.tmdb.TmdbException;

/**
 * Genre names per language, held in memory (a few dozen genres) so serving a title costs no genre query.
 * English names come with every title's details; another language's names are read once from TMDB's
 * genre lists (movies and TV), through the response cache, the first time that language is asked for.
 * A language TMDB cannot give is retried after {@link #RETRY_MISSING}; meanwhile English is served.
 */
@Component
class GenreNames {

    private static final Logger log = LoggerFactory.getLogger(GenreNames.class);
    static final Duration RETRY_MISSING = Duration.ofMinutes(10);

    private final GenreRepository genres;
    private final TitleWriter writer;
    private final TmdbClient tmdb;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final ConcurrentMap<String, Instant> missingSince = new ConcurrentHashMap<>();
    private final SingleFlight<String, Boolean> loads = new SingleFlight<>();
    /** TMDB genre id → language → name; replaced whole, never changed in place. */
    private volatile Map<Integer, Map<String, String>> names;

    GenreNames(GenreRepository genres, TitleWriter writer, TmdbClient tmdb, PlatformTransactionManager transactions,
            Clock clock) {
        this.genres = genres;
        this.writer = writer;
        this.tmdb = tmdb;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** The names of {@code genreTmdbIds} in {@code lang}, each in English when it has no such translation. */
    List<String> names(Collection<Integer> genreTmdbIds, String lang) {
        Map<Integer, Map<String, String>> snapshot = snapshot();
        String base = base(lang);
        return genreTmdbIds.stream()
                .map(id -> {
                    Map<String, String> byLanguage = snapshot.get(id);
                    if (byLanguage == null) {
                        reloadLater();
                        return null;
                    }
                    String name = byLanguage.get(lang);
                    name = name != null ? name : byLanguage.get(base);
                    return name != null ? name : byLanguage.get("en");
                })
                .filter(name -> name != null)
                .sorted()
                .toList();
    }

    /** Makes sure the names in {@code lang} are stored, asking TMDB if needed; never throws for TMDB's sake. */
    void ensureLanguage(String lang) {
        String base = base(lang);
        if (base.equals("en") || hasLanguage(lang)) {
            return;
        }
        Instant missing = missingSince.get(lang);
        if (missing != null && missing.plus(RETRY_MISSING).isAfter(clock.instant())) {
            return;
        }
        loads.run(lang, () -> {
            reload();
            if (hasLanguage(lang)) {
                return true;
            }
            try {
                for (TmdbData.Kind kind : TmdbData.Kind.values()) {
                    writer.saveGenreNames(tmdb.genres(kind, lang, TmdbClient.Read.CACHED), lang);
                }
                missingSince.remove(lang);
            } catch (TmdbException e) {
                log.info("Genre names in '{}' not available from TMDB now ({}); serving English", lang, e.getMessage());
                missingSince.put(lang, clock.instant());
            } catch (DataIntegrityViolationException e) {
                log.debug("Genre names in '{}' were stored by another node meanwhile", lang);
            }
            reload();
            return true;
        });
    }

    /** Re-reads every genre name from the database (after genres were stored). */
    void reload() {
        Map<Integer, Map<String, String>> fresh = new HashMap<>();
        readOnly.executeWithoutResult(status -> {
            for (Genre genre : genres.findAllWithTranslations()) {
                Map<String, String> byLanguage = new HashMap<>();
                genre.translations().forEach(t -> byLanguage.put(t.language(), t.name()));
                fresh.put(genre.tmdbId(), Map.copyOf(byLanguage));
            }
        });
        names = Map.copyOf(fresh);
    }

    private boolean hasLanguage(String lang) {
        return snapshot().values().stream().anyMatch(byLanguage -> byLanguage.containsKey(lang));
    }

    private Map<Integer, Map<String, String>> snapshot() {
        Map<Integer, Map<String, String>> current = names;
        if (current == null) {
            reload();
            current = names;
        }
        return current;
    }

    /** A genre this node has not seen was stored (by another node or request): read them all again next time. */
    private void reloadLater() {
        names = null;
    }

    static String base(String lang) {
        return lang.substring(0, 2).toLowerCase(Locale.ROOT);
    }
}
