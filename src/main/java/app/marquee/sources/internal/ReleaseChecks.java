package app.marquee.sources.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.MovieSummary;
import app.marquee.sources.IndexedTorrent;
import app.marquee.sources.Quality;

/**
 * Weeds out obvious fakes among what general indexers list for a movie (YTS, which lists by IMDb id with its own
 * fields, is trusted): a release whose name does not carry the movie's title, names another year, or is far too
 * small for the quality it claims. Pure and thread-safe.
 */
final class ReleaseChecks {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19\\d{2}|20\\d{2})(?!\\d)");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Words a title may lose in a release name. */
    private static final List<String> SMALL_WORDS = List.of("the", "a", "an", "and", "of");
    private static final long MB = 1024 * 1024;

    private ReleaseChecks() {
    }

    /** Why the torrent is not the movie, or empty when nothing says so. */
    static Optional<String> implausible(MovieSummary movie, IndexedTorrent torrent) {
        String name = words(torrent.releaseName());
        List<String> title = Arrays.stream(words(movie.title()).split(" "))
                .filter(word -> !word.isEmpty() && !SMALL_WORDS.contains(word))
                .toList();
        String padded = " " + name + " ";
        for (String word : title) {
            if (!padded.contains(" " + word + " ")) {
                return Optional.of("the name lacks the title's '" + word + "'");
            }
        }
        if (movie.releaseDate() != null) {
            int year = movie.releaseDate().getYear();
            Matcher m = YEAR.matcher(torrent.releaseName());
            Integer named = null;
            while (m.find()) {
                named = Integer.parseInt(m.group(1)); // the last year: a title may hold a number like 1917
            }
            if (named != null && Math.abs(named - year) > 1 && !title.contains(named.toString())) {
                return Optional.of("named " + named + ", the movie is of " + year);
            }
        }
        Long size = torrent.size();
        long least = leastSize(torrent.info().quality());
        if (size != null && size < least) {
            return Optional.of(size + " bytes is too small for " + torrent.info().quality());
        }
        return Optional.empty();
    }

    /** The least size of a feature film at that quality: far below any real encode of it. */
    private static long leastSize(@Nullable Quality quality) {
        if (quality == null) {
            return 50 * MB;
        }
        return switch (quality) {
            case P480 -> 100 * MB;
            case P720 -> 200 * MB;
            case P1080 -> 400 * MB;
            case P2160 -> 1_000 * MB;
            case THREE_D -> 400 * MB;
        };
    }

    private static String words(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
