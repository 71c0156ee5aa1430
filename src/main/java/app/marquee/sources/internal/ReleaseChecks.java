package app.marquee.sources.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieSummary;
import app.marquee.sources.EpisodeMarker;
import app.marquee.sources.IndexedTorrent;
import app.marquee.sources.Quality;

/**
 * Weeds out obvious fakes among what general indexers list for a movie (YTS, which lists by IMDb id with its own
 * fields, is trusted): a release whose name does not carry the movie's title, names another year, is a camera
 * recording, or is far too small for the quality it claims; and for an episode, one whose name lacks the show's name or does not hold the
 * episode. Pure and thread-safe.
 */
final class ReleaseChecks {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19\\d{2}|20\\d{2})(?!\\d)");
    /** A camera or telesync recording in a cinema: what the "new release in 1080p" fakes usually are. */
    private static final Pattern CAMERA = Pattern.compile(
            "(?i)(?<![a-z0-9])(?:cam|hdcam|camrip|cam-?rip|ts|hdts|telesync|pdvd|tc|telecine)(?![a-z0-9])");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Words a title may lose in a release name. */
    private static final List<String> SMALL_WORDS = List.of("the", "a", "an", "and", "of");
    private static final long MB = 1024 * 1024;
    /** An episode's least size is a film's divided by this (a 40-minute episode against a two-hour film, and some). */
    private static final int EPISODE_SHARE = 5;

    private ReleaseChecks() {
    }

    /** Why the torrent is not the movie, or empty when nothing says so. */
    static Optional<String> implausible(MovieSummary movie, IndexedTorrent torrent) {
        List<String> title = titleWords(movie.title());
        Optional<String> lacking = lackingWord(title, torrent.releaseName());
        if (lacking.isPresent()) {
            return lacking;
        }
        if (CAMERA.matcher(torrent.releaseName()).find()) {
            return Optional.of("a camera recording");
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

    /**
     * Why the torrent does not hold the episode, or empty when nothing says so: its name must carry the show's
     * name and mark a release that holds the episode (an episode, several, or a pack of its season); a single
     * episode far too small for its quality is a fake. Packs are not size-checked (their size is the season's).
     */
    static Optional<String> implausible(EpisodeSummary episode, IndexedTorrent torrent) {
        Optional<String> lacking = lackingWord(titleWords(episode.showName()), torrent.releaseName());
        if (lacking.isPresent()) {
            return lacking;
        }
        Optional<EpisodeMarker> marker = EpisodeMarker.parse(torrent.releaseName());
        if (marker.isEmpty() || !marker.get().holds(episode.seasonNumber(), episode.episodeNumber())) {
            return Optional.of("the name does not hold S%02dE%02d".formatted(episode.seasonNumber(),
                    episode.episodeNumber()));
        }
        Long size = torrent.size();
        long least = leastSize(torrent.info().quality()) / EPISODE_SHARE;
        if (!marker.get().isPack() && size != null && size < least) {
            return Optional.of(size + " bytes is too small for an episode in " + torrent.info().quality());
        }
        return Optional.empty();
    }

    private static List<String> titleWords(String title) {
        return Arrays.stream(words(title).split(" "))
                .filter(word -> !word.isEmpty() && !SMALL_WORDS.contains(word))
                .toList();
    }

    private static Optional<String> lackingWord(List<String> title, String releaseName) {
        String padded = " " + words(releaseName) + " ";
        for (String word : title) {
            if (!padded.contains(" " + word + " ")) {
                return Optional.of("the name lacks the title's '" + word + "'");
            }
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
