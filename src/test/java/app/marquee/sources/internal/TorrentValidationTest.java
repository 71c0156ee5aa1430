package app.marquee.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

class TorrentValidationTest {

    private static final long MB = 1024 * 1024;
    private final TorrentValidation validation = new TorrentValidation(MB, 100L * 1024 * MB);

    @Test
    void theLargestVideoIsChosenBesideSubtitlesAndPictures() {
        TorrentMetadata torrent = torrent(
                file("Movie (2020) [1080p]", "www.YTS.MX.jpg", 50_000),
                file("Movie (2020) [1080p]", "Movie.2020.1080p.mp4", 1_900 * MB),
                file("Movie (2020) [1080p]", "Subs", "English.srt", 80_000));

        assertThat(validation.check(torrent, 2_000 * MB)).isInstanceOfSatisfying(TorrentValidation.Valid.class,
                valid -> assertThat(valid.video().name()).isEqualTo("Movie.2020.1080p.mp4"));
    }

    @Test
    void anEpisodeIsTheFileNamedForItInASeasonPackNeverTheLargestOrASample() {
        TorrentMetadata pack = torrent(
                file("Show.S01.1080p", "Show.S01E01.1080p.mkv", 900 * MB),
                file("Show.S01.1080p", "Show.S01E02.1080p.mkv", 700 * MB),
                file("Show.S01.1080p", "Sample", "Show.S01E02.sample.mkv", 30 * MB),
                file("Show.S01.1080p", "Show.S01E03.1080p.mkv", 800 * MB),
                file("Show.S01.1080p", "Show.S01E02.en.srt", 60_000));
        TorrentValidation.Episode second = new TorrentValidation.Episode(1, 2);

        // the indexer listed the whole pack's size: compared with the torrent's, not the episode's
        assertThat(validation.check(pack, 2_400 * MB, second)).isInstanceOfSatisfying(TorrentValidation.Valid.class,
                valid -> assertThat(valid.video().name()).isEqualTo("Show.S01E02.1080p.mkv"));
        assertThat(validation.check(pack, 2_400 * MB, new TorrentValidation.Episode(1, 4)))
                .isEqualTo(new TorrentValidation.Rejected("no file of S01E04 among its 4 video(s)"));
        assertThat(validation.check(pack, 20_000 * MB, second))
                .isEqualTo(new TorrentValidation.Rejected("torrent of " + (2_430 * MB + 60_000)
                        + " bytes where the indexer listed " + 20_000 * MB));
    }

    @Test
    void anEpisodeTorrentWithOneVideoPlaysItWhateverItsName() {
        TorrentMetadata single = torrent(file("show-102-hdtv.avi", 350 * MB), file("info.nfo", 2_000));

        assertThat(validation.check(single, 350 * MB, new TorrentValidation.Episode(1, 2)))
                .isInstanceOfSatisfying(TorrentValidation.Valid.class,
                        valid -> assertThat(valid.video().name()).isEqualTo("show-102-hdtv.avi"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a parent segment           | ..        | passwd.mp4        | unsafe file path ../passwd.mp4: '..' segment
            a current-directory segment| .         | movie.mp4         | unsafe file path ./movie.mp4: '.' segment
            an absolute path           | /etc      | movie.mp4         | unsafe file path /etc/movie.mp4: absolute path
            a Windows drive            | C:        | movie.mp4         | unsafe file path C:/movie.mp4: absolute path
            a separator in a name      | a\\..\\b  | movie.mp4         | separator inside a name
            an executable              | Movie     | Movie.mp4.exe     | contains an executable: Movie/Movie.mp4.exe
            a screensaver              | Movie     | Codec.scr         | contains an executable: Movie/Codec.scr
            """)
    void unsafeOrExecutableFilesAreRejected(String what, String directory, String name, String reason) {
        TorrentMetadata torrent = torrent(file("Movie", "movie.mkv", 700 * MB), file(directory, name, 10_000));

        assertThat(validation.check(torrent, null)).isInstanceOfSatisfying(TorrentValidation.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains(reason));
    }

    @Test
    void aTorrentWhoseLargestFileIsNoVideoIsRejected() {
        TorrentMetadata torrent = torrent(file("Pack", "movie.iso", 4_000 * MB), file("Pack", "sample.mp4", 20 * MB));

        assertThat(validation.check(torrent, null)).isEqualTo(
                new TorrentValidation.Rejected("no video: the largest file is Pack/movie.iso"));
    }

    @Test
    void absurdSizesAreRejected() {
        assertThat(validation.check(torrent(file("m", "tiny.mp4", 100_000)), null))
                .isEqualTo(new TorrentValidation.Rejected("video too small: 100000 bytes"));
        assertThat(validation.check(torrent(file("m", "huge.mkv", 200L * 1024 * MB)), null))
                .isInstanceOf(TorrentValidation.Rejected.class);
        assertThat(validation.check(torrent(file("m", "movie.mp4", 300 * MB)), 2_000 * MB))
                .isInstanceOfSatisfying(TorrentValidation.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("where the indexer listed"));
    }

    @Test
    void aTorrentWithoutFilesIsRejected() {
        assertThat(validation.check(torrent(), null)).isEqualTo(new TorrentValidation.Rejected("no files"));
    }

    private record Entry(List<String> path, long size) {
    }

    private static Entry file(Object... pathThenSize) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < pathThenSize.length - 1; i++) {
            path.add((String) pathThenSize[i]);
        }
        return new Entry(path, ((Number) pathThenSize[pathThenSize.length - 1]).longValue());
    }

    private static TorrentMetadata torrent(Entry... entries) {
        List<TorrentFile> files = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < entries.length; i++) {
            files.add(new TorrentFile(i, entries[i].path(), entries[i].size(), offset));
            offset += entries[i].size();
        }
        int pieceLength = 4 * 1024 * 1024;
        int pieces = (int) Math.max(1, (offset + pieceLength - 1) / pieceLength);
        return new TorrentMetadata(InfoHash.of("0123456789abcdef0123456789abcdef01234567"), "t", pieceLength, pieces,
                offset, files, List.of(), new byte[0]);
    }
}
