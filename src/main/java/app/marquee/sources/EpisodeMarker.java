package app.marquee.sources;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which episodes a TV release name says it holds: one episode ({@code S01E02}, {@code 1x02}), several
 * ({@code S01E02E03}, {@code S01E02-E04}), a whole season ({@code S01}, {@code Season 1}, {@code S01 Complete}),
 * several seasons ({@code S01-S03}) or the complete series ({@code Complete Series}).
 *
 * @param firstSeason the first season held; null for a complete series
 * @param lastSeason the last season held (equal to {@code firstSeason} but for multi-season packs)
 * @param firstEpisode the first episode, null for season packs
 * @param lastEpisode the last episode (equal to {@code firstEpisode} for a single episode), null for packs
 */
public record EpisodeMarker(@Nullable Integer firstSeason, @Nullable Integer lastSeason,
        @Nullable Integer firstEpisode, @Nullable Integer lastEpisode) {

    private static final String START = "(?<![A-Za-z0-9])";
    private static final String END = "(?![A-Za-z0-9])";
    /** S01E02, S01E02E03, S01E02-E03, S01E02-03. */
    private static final Pattern SXXEYY = Pattern.compile(START
            + "[Ss](\\d{1,2})[ ._-]?[Ee](\\d{1,3})(?:(?:[ ._-]?[Ee]|-)(\\d{1,3}))*" + END);
    /** 1x02, 01x02-03. */
    private static final Pattern NXNN = Pattern.compile(START + "(\\d{1,2})x(\\d{2,3})(?:-(\\d{2,3}))?" + END);
    /** S01-S03, S01-03, Seasons 1-3. */
    private static final Pattern SEASONS = Pattern.compile(START
            + "(?:[Ss](\\d{1,2})[ ._]?-[ ._]?[Ss]?(\\d{1,2})|[Ss]easons?[ ._]?(\\d{1,2})[ ._]?-[ ._]?(\\d{1,2}))" + END);
    /** S01, Season 1, Season.01. */
    private static final Pattern SEASON = Pattern.compile(START + "(?:[Ss](\\d{1,2})|[Ss]eason[ ._]?(\\d{1,2}))" + END);
    private static final Pattern MORE_EPISODES = Pattern.compile("(?:[Ee]|-)(\\d{1,3})");
    private static final Pattern COMPLETE_SERIES = Pattern.compile(START
            + "(?:complete[ ._-]?series|the[ ._-]?complete[ ._-]?collection)" + END, Pattern.CASE_INSENSITIVE);

    public EpisodeMarker {
        if (firstSeason != null && (firstSeason < 0 || lastSeason == null || lastSeason < firstSeason)) {
            throw new IllegalArgumentException("bad seasons " + firstSeason + "-" + lastSeason);
        }
        if (firstEpisode != null && (lastEpisode == null || lastEpisode < firstEpisode)) {
            throw new IllegalArgumentException("bad episodes " + firstEpisode + "-" + lastEpisode);
        }
    }

    /** What the name says; empty when it names no season or episode (a movie, or an unmarked release). */
    public static Optional<EpisodeMarker> parse(String releaseName) {
        Matcher m = SXXEYY.matcher(releaseName);
        if (m.find()) {
            int season = Integer.parseInt(m.group(1));
            int first = Integer.parseInt(m.group(2));
            int last = lastEpisode(m.group(0), first);
            return Optional.of(new EpisodeMarker(season, season, first, Math.max(first, last)));
        }
        m = NXNN.matcher(releaseName);
        if (m.find()) {
            int season = Integer.parseInt(m.group(1));
            int first = Integer.parseInt(m.group(2));
            int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
            return Optional.of(new EpisodeMarker(season, season, first, Math.max(first, last)));
        }
        m = SEASONS.matcher(releaseName);
        if (m.find()) {
            int first = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
            int last = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
            if (last >= first) {
                return Optional.of(new EpisodeMarker(first, last, null, null));
            }
        }
        m = SEASON.matcher(releaseName);
        if (m.find()) {
            int season = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            return Optional.of(new EpisodeMarker(season, season, null, null));
        }
        if (COMPLETE_SERIES.matcher(releaseName).find()) {
            return Optional.of(new EpisodeMarker(null, null, null, null));
        }
        return Optional.empty();
    }

    /** The last episode number in an {@code SxxEyy} match: the last number after an E or a dash past the first. */
    private static int lastEpisode(String match, int first) {
        Matcher more = MORE_EPISODES.matcher(match.substring(match.toUpperCase(Locale.ROOT).indexOf('E') + 1));
        int last = first;
        while (more.find()) {
            last = Integer.parseInt(more.group(1));
        }
        return last;
    }

    /** Whether this release holds the episode. */
    public boolean holds(int season, int episode) {
        if (firstSeason == null) {
            return true;
        }
        if (season < firstSeason || season > lastSeason) {
            return false;
        }
        return firstEpisode == null || (episode >= firstEpisode && episode <= lastEpisode);
    }

    /** Whether it holds more than one episode (a pack, or a multi-episode file). */
    public boolean isPack() {
        return firstEpisode == null || !firstEpisode.equals(lastEpisode);
    }
}
