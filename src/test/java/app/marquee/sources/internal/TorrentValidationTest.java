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
