package app.marquee.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EpisodeMarkerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            The.Show.S01E02.1080p.WEB-DL.x264-GRP              | 1  | 1  | 2  | 2
            the show s1e2 720p hdtv                            | 1  | 1  | 2  | 2
            The Show - S02E10 - Title [1080p]                  | 2  | 2  | 10 | 10
            The.Show.S01E02E03.720p.HDTV.x264                  | 1  | 1  | 2  | 3
            The.Show.S01E02-E04.1080p                          | 1  | 1  | 2  | 4
            The.Show.S01E02-03.1080p                           | 1  | 1  | 2  | 3
            The.Show.1x02.HDTV.XviD                            | 1  | 1  | 2  | 2
            The Show 01x05-06 720p                             | 1  | 1  | 5  | 6
            The.Show.S00E01.Special.720p                       | 0  | 0  | 1  | 1
            The.Show.S03.1080p.BluRay.x265-GRP                 | 3  | 3  | -  | -
            The Show Season 2 Complete 720p                    | 2  | 2  | -  | -
            The.Show.Season.04.1080p.WEB                       | 4  | 4  | -  | -
            The.Show.S01-S03.1080p.BluRay                      | 1  | 3  | -  | -
            The Show Seasons 1-5 720p                          | 1  | 5  | -  | -
            The.Show.Complete.Series.1080p.BluRay.x264         | -  | -  | -  | -
            """)
    void episodesAndPacksAreRead(String name, Integer firstSeason, Integer lastSeason, Integer firstEpisode,
            Integer lastEpisode) {
        assertThat(EpisodeMarker.parse(name))
                .contains(new EpisodeMarker(firstSeason, lastSeason, firstEpisode, lastEpisode));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Movie.2019.1080p.BluRay.x264-GRP", "Movie (2001) [720p] [YTS.MX]",
        "Movie.2160p.HDR.x265.10bit", "Area 51 2015 720p", "Movie.2019.H.264.AAC.5.1", "Se7en.1995.1080p"})
    void movieNamesMarkNoEpisode(String name) {
        assertThat(EpisodeMarker.parse(name)).isEmpty();
    }

    @Test
    void aPackHoldsItsEpisodes() {
        EpisodeMarker season = EpisodeMarker.parse("The.Show.S02.1080p").orElseThrow();
        assertThat(season.holds(2, 7)).isTrue();
        assertThat(season.holds(3, 1)).isFalse();
        assertThat(season.isPack()).isTrue();
        EpisodeMarker double_ = EpisodeMarker.parse("The.Show.S01E02E03").orElseThrow();
        assertThat(double_.holds(1, 3)).isTrue();
        assertThat(double_.holds(1, 4)).isFalse();
        EpisodeMarker single = EpisodeMarker.parse("The.Show.S01E02").orElseThrow();
        assertThat(single.isPack()).isFalse();
        assertThat(EpisodeMarker.parse("Show.Complete.Series").orElseThrow().holds(9, 9)).isTrue();
    }
}
