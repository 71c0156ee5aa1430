package app.marquee.sources;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Everything a release name tells: what {@link ReleaseInfo} reads (quality, codec, HDR, source), which episodes it
 * holds ({@link EpisodeMarker}: none for a movie), the release group, and language hints ({@code MULTi},
 * {@code FRENCH}, {@code iTA}...).
 *
 * @param group the release group ({@code x264-SPARKS} → {@code SPARKS}; YTS's own releases → {@code YTS}), null
 *        when the name does not end with one
 * @param languages audio language hints as ISO 639-1 codes, plus {@code multi} (several audio tracks) and
 *        {@code dual}; empty when the name says nothing (usually the original language)
 */
public record ReleaseName(ReleaseInfo info, @Nullable EpisodeMarker episodes, @Nullable String group,
        Set<String> languages) {

    /** Site tags after the group ({@code -GRP EZTV}, {@code -GRP[rarbg]}, {@code .mkv}) that are not part of it. */
    private static final Pattern TRAILER = Pattern.compile(
            "(?i)(?:\\s*\\[[^\\]]*\\]|\\s*\\([^)]*\\)|\\s+(?:eztv(?:\\.re|x\\.to)?|rarbg|ettv)|\\.(?:mkv|mp4|avi|m4v|ts))*\\s*$");
    /** A group after the last dash: letters and digits. */
    private static final Pattern GROUP = Pattern.compile("-([A-Za-z0-9]{1,30})$");
    private static final Pattern YTS = Pattern.compile("(?i)(?<![a-z0-9])yts(?:\\.(?:mx|am|lt|ag))?(?![a-z0-9])");
    /** Words that are no release group though they follow a dash ({@code WEB-DL}, {@code DTS-HD}, {@code H-264}). */
    private static final Set<String> NOT_GROUPS = Set.of("dl", "hd", "rip", "264", "265", "sbs", "ou", "ma", "x",
            "dts", "ddp", "dd", "aac", "atmos", "hdr", "dv", "web", "hevc", "avc", "remux");
    private static final Map<String, String> LANGUAGES = languageWords();

    public ReleaseName {
        languages = Collections.unmodifiableSet(new LinkedHashSet<>(languages));
    }

    public static ReleaseName parse(String releaseName) {
        return new ReleaseName(ReleaseInfo.parse(releaseName), EpisodeMarker.parse(releaseName).orElse(null),
                group(releaseName), languagesOf(releaseName));
    }

    /** Whether it names episodes of a show rather than a movie. */
    public boolean isEpisodes() {
        return episodes != null;
    }

    private static @Nullable String group(String releaseName) {
        if (YTS.matcher(releaseName).find()) {
            return "YTS";
        }
        String trimmed = TRAILER.matcher(releaseName).replaceFirst("");
        Matcher m = GROUP.matcher(trimmed);
        if (!m.find()) {
            return null;
        }
        String group = m.group(1);
        return NOT_GROUPS.contains(group.toLowerCase(Locale.ROOT)) ? null : group;
    }

    private static Set<String> languagesOf(String releaseName) {
        List<String> found = new ArrayList<>();
        for (String word : releaseName.split("[^A-Za-z0-9]+")) {
            String code = LANGUAGES.get(word.toLowerCase(Locale.ROOT));
            if (code != null && !found.contains(code)) {
                found.add(code);
            }
        }
        return new LinkedHashSet<>(found);
    }

    /** The language words of scene names, each as its ISO 639-1 code. */
    private static Map<String, String> languageWords() {
        return Map.ofEntries(
                Map.entry("multi", "multi"), Map.entry("dual", "dual"),
                Map.entry("french", "fr"), Map.entry("truefrench", "fr"), Map.entry("vff", "fr"),
                Map.entry("vfq", "fr"), Map.entry("vf2", "fr"), Map.entry("vostfr", "fr"),
                Map.entry("german", "de"), Map.entry("ger", "de"),
                Map.entry("italian", "it"), Map.entry("ita", "it"),
                Map.entry("spanish", "es"), Map.entry("castellano", "es"), Map.entry("esp", "es"),
                Map.entry("latino", "es"),
                Map.entry("russian", "ru"), Map.entry("rus", "ru"),
                Map.entry("japanese", "ja"), Map.entry("jpn", "ja"),
                Map.entry("korean", "ko"), Map.entry("kor", "ko"),
                Map.entry("hindi", "hi"), Map.entry("tamil", "ta"), Map.entry("telugu", "te"),
                Map.entry("polish", "pl"), Map.entry("pl", "pl"),
                Map.entry("portuguese", "pt"), Map.entry("ptbr", "pt"),
                Map.entry("swedish", "sv"), Map.entry("danish", "da"), Map.entry("norwegian", "no"),
                Map.entry("finnish", "fi"), Map.entry("nordic", "nordic"),
                Map.entry("dutch", "nl"), Map.entry("flemish", "nl"),
                Map.entry("chinese", "zh"), Map.entry("mandarin", "zh"), Map.entry("cantonese", "zh"),
                Map.entry("turkish", "tr"), Map.entry("arabic", "ar"), Map.entry("hebrew", "he"),
                Map.entry("czech", "cs"), Map.entry("hungarian", "hu"), Map.entry("greek", "el"),
                Map.entry("ukrainian", "uk"), Map.entry("thai", "th"), Map.entry("vietnamese", "vi"));
    }

    /** The episodes it holds, when it names any. */
    public Optional<EpisodeMarker> episodeMarker() {
        return Optional.ofNullable(episodes);
    }
}
