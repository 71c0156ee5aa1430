package app.marquee.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.marquee.catalog.MovieSummary;
import app.marquee.sources.IndexedTorrent;
import app.marquee.sources.ReleaseInfo;
import app.marquee.torrent.InfoHash;

class ReleaseChecksTest {

    private static final long MB = 1024 * 1024;
    private static final MovieSummary AMELIE = new MovieSummary(1, 194, "tt0211915", "Amélie", LocalDate.of(2001, 4, 25), null);
    private static final MovieSummary NINETEEN = new MovieSummary(2, 530915, "tt8579674", "1917", LocalDate.of(2019, 12, 25), null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Amelie.2001.1080p.BluRay.x264-GRP          | 2000 |
            Amélie (2001) [720p]                       | 900  |
            AMELIE.2002.720p.WEB                       | 900  |
            Amelie.1080p.BluRay                        | 2000 |
            Some.Other.Film.2001.1080p.BluRay          | 2000 | the name lacks the title's 'amelie'
            Amelie.2015.1080p.BluRay                   | 2000 | named 2015, the movie is of 2001
            Amelie.2001.1080p.BluRay.x264              | 30   | 31457280 bytes is too small for P1080
            Amelie.2001.2160p.UHD.HDR                  | 600  | 629145600 bytes is too small for P2160
            Amelie.2001.1080p.HDCAM.x264-GRP           | 2000 | a camera recording
            Amelie 2001 HDTS 720p x264                 | 1500 | a camera recording
            Amelie.2001.TELESYNC.XviD                  | 1500 | a camera recording
            Amelie.2001.1080p.WEB.H264-TSGRP           | 2000 |
            """)
    void obviousFakesAreNamed(String name, long megabytes, String reason) {
        assertThat(ReleaseChecks.implausible(AMELIE, torrent(name, megabytes)))
                .isEqualTo(java.util.Optional.ofNullable(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1917.2019.1080p.BluRay.x264                | 2000 |
            1917.1080p.WEB-DL                          | 2000 |
            """)
    void aTitleThatIsAYearIsNotTakenForTheYear(String name, long megabytes, String reason) {
        assertThat(ReleaseChecks.implausible(NINETEEN, torrent(name, megabytes)))
                .isEqualTo(java.util.Optional.ofNullable(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Interior.Ocelot.S01E02.1080p.WEB.h264-GRP           | 800  |
            Interior Ocelot S01E02E03 720p HDTV x264            | 600  |
            Interior.Ocelot.1x02.HDTV.x264                      | 300  |
            Interior.Ocelot.S01.1080p.BluRay.x264-PACK          | 9000 |
            Interior.Ocelot.S01-S03.720p.WEB                    | 9000 |
            Interior.Ocelot.Complete.Series.1080p               | 9000 |
            Interior.Ocelot.S01E03.1080p.WEB.h264-GRP           | 800  | the name does not hold S01E02
            Interior.Ocelot.S02.1080p.WEB.h264-GRP              | 9000 | the name does not hold S01E02
            Interior.Ocelot.2005.1080p.BluRay                   | 800  | the name does not hold S01E02
            Exterior.Lynx.S01E02.1080p.WEB.h264-GRP             | 800  | the name lacks the title's 'interior'
            Interior.Ocelot.S01E02.1080p.WEB.h264-FAKE          | 20   | 20971520 bytes is too small for an episode in P1080
            """)
    void episodesAreCheckedAgainstTheShowAndTheirNumbers(String name, long megabytes, String reason) {
        app.marquee.catalog.EpisodeSummary episode = new app.marquee.catalog.EpisodeSummary(7, 3, 14981, "tt0437729",
                73387, "Interior Ocelot", LocalDate.of(2005, 1, 3), 1, 2, LocalDate.of(2005, 1, 4), null);
        assertThat(ReleaseChecks.implausible(episode, torrent(name, megabytes)))
                .isEqualTo(java.util.Optional.ofNullable(reason));
    }

    private static IndexedTorrent torrent(String name, long megabytes) {
        return new IndexedTorrent("prowlarr", InfoHash.of("0123456789abcdef0123456789abcdef01234567"), name,
                ReleaseInfo.parse(name), null, null, megabytes * MB, 10, 2, null, null);
    }
}
