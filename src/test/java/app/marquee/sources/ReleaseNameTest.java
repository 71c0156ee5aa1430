package app.marquee.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The release-name parser against a table of 113 real-world-shaped names (src/test/resources/sources/
 * release-names.psv): movies of every source and language, single and multi-episode releases in every common
 * spelling, season, multi-season and complete-series packs, and the shapes fakes take ({@code .exe}, CAM).
 */
class ReleaseNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/sources/release-names.psv", delimiter = '|', nullValues = "-")
    void aReleaseNameSaysWhatItHolds(String name, @Nullable Quality quality, @Nullable VideoCodec codec,
            ReleaseInfo.@Nullable Source source, @Nullable String episodes, @Nullable String group,
            @Nullable String languages) {
        ReleaseName parsed = ReleaseName.parse(name);

        assertThat(parsed.info().quality()).as("quality").isEqualTo(quality);
        assertThat(parsed.info().codec()).as("codec").isEqualTo(codec);
        assertThat(parsed.info().source()).as("source").isEqualTo(source);
        assertThat(parsed.episodes()).as("episodes").isEqualTo(marker(episodes));
        assertThat(parsed.group()).as("group").isEqualTo(group);
        assertThat(parsed.languages()).as("languages").isEqualTo(languages == null ? Set.of()
                : Arrays.stream(languages.split(" ")).collect(Collectors.toSet()));
    }

    /** {@code S01E02}, {@code S01E02-E03}, {@code S01}, {@code S01-S03} or {@code ALL}, as a marker. */
    private static @Nullable EpisodeMarker marker(@Nullable String text) {
        if (text == null) {
            return null;
        }
        if (text.equals("ALL")) {
            return new EpisodeMarker(null, null, null, null);
        }
        var m = java.util.regex.Pattern.compile("S(\\d+)(?:-S(\\d+))?(?:E(\\d+)(?:-E(\\d+))?)?").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad episodes column: " + text);
        }
        int firstSeason = Integer.parseInt(m.group(1));
        int lastSeason = m.group(2) == null ? firstSeason : Integer.parseInt(m.group(2));
        Integer firstEpisode = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        Integer lastEpisode = m.group(4) == null ? firstEpisode : Integer.valueOf(m.group(4));
        return new EpisodeMarker(firstSeason, lastSeason, firstEpisode, lastEpisode);
    }
}
