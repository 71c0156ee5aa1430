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

    private static IndexedTorrent torrent(String name, long megabytes) {
        return new IndexedTorrent("prowlarr", InfoHash.of("0123456789abcdef0123456789abcdef01234567"), name,
                ReleaseInfo.parse(name), null, null, megabytes * MB, 10, 2, null, null);
    }
}
