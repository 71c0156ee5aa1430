package app.marquee.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TorrentMetadataTest {

    private static final int PIECE = 16 * 1024;

    @Test
    void aSingleFileTorrentGivesItsHashNameSizesAndTrackers() throws Exception {
        String info = "d6:lengthi40000e4:name9:movie.mp412:piece lengthi16384e6:pieces60:" + "x".repeat(60) + "e";
        byte[] torrent = bytes("d8:announce" + string("udp://t.example:1/ann") + "13:announce-listll"
                + string("udp://t.example:1/ann") + "el" + string("http://t2.example/a") + "ee4:info" + info + "e");

        TorrentMetadata metadata = TorrentMetadata.parse(torrent);

        assertThat(metadata.infoHash()).isEqualTo(InfoHash.of(MessageDigest.getInstance("SHA-1").digest(bytes(info))));
        assertThat(metadata.name()).isEqualTo("movie.mp4");
        assertThat(metadata.pieceLength()).isEqualTo(PIECE);
        assertThat(metadata.pieceCount()).isEqualTo(3);
        assertThat(metadata.totalSize()).isEqualTo(40000);
        assertThat(metadata.files()).containsExactly(new TorrentFile(0, List.of("movie.mp4"), 40000, 0));
        assertThat(metadata.trackers()).containsExactly("udp://t.example:1/ann", "http://t2.example/a");
        assertThat(metadata.torrentFile()).isEqualTo(torrent);
        assertThat(metadata.pieces(0, 39999, 1)).isEqualTo(new PieceSpan(2, 2));
        assertThat(metadata.pieces(0, 16383, 2)).isEqualTo(new PieceSpan(0, 1));
    }

    @Test
    void multiFilePathsAreGivenAsTheTorrentHasThemPaddingLeftOut() {
        String files = "ld6:lengthi20000e4:pathl5:Movie9:movie.mkveed4:attr1:p6:lengthi12768e4:pathl4:.pad5:12768ee"
                + "d6:lengthi100e4:pathl2:..2:..3:etc6:passwdeee";
        byte[] torrent = bytes("d4:infod5:files" + files + "4:name4:pack12:piece lengthi16384e6:pieces60:"
                + "y".repeat(60) + "ee");

        TorrentMetadata metadata = TorrentMetadata.parse(torrent);

        assertThat(metadata.files()).extracting(TorrentFile::index, TorrentFile::path, TorrentFile::offset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, List.of("pack", "Movie", "movie.mkv"), 0L),
                        org.assertj.core.groups.Tuple.tuple(2, List.of("pack", "..", "..", "etc", "passwd"), 32768L));
        assertThat(metadata.largestFile().name()).isEqualTo("movie.mkv");
        assertThat(metadata.file(2).pieces(PIECE)).isEqualTo(new PieceSpan(2, 2));
        assertThat(metadata.trackers()).isEmpty();
    }

    @Test
    void anInfoDictionaryFromPeersBecomesACompleteTorrentFileWithTheSameHash() {
        String info = "d6:lengthi16384e4:name1:a12:piece lengthi16384e6:pieces20:" + "z".repeat(20) + "e";
        TorrentMetadata metadata = TorrentMetadata.fromInfoDictionary(bytes(info), List.of("udp://t:1", "udp://t:1"));

        TorrentMetadata again = TorrentMetadata.parse(metadata.torrentFile());
        assertThat(again).isEqualTo(metadata);
        assertThat(again.trackers()).containsExactly("udp://t:1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                            | the input is empty
            <html>not a torrent</html>                                    | unexpected byte 0x3c at byte 0
            d4:infod4:name1:a                                             | unexpected end of data
            le                                                            | top level is not a dictionary
            d3:foo3:bare                                                  | no info dictionary
            d4:infod4:name1:a12:piece lengthi16384e6:pieces3:abc6:lengthi1eee | not a multiple of 20
            d4:infod4:name1:a12:piece lengthi1000e6:pieces20:aaaaaaaaaaaaaaaaaaaa6:lengthi1eee | not a power of two
            d4:infod4:name1:a12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaa6:lengthi99999eee | 1 piece hashes for 99999 bytes
            d4:infod4:name1:a12:piece lengthi16384e12:meta versioni2eee   | v2-only torrents are not supported
            d4:infod4:name1:a12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaa5:filesleee | neither a length nor a list
            d4:infod4:name1:a12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaa6:lengthi01eee | bad integer '01'
            d4:infod4:name1:ae4:infod4:name1:bee                          | duplicate dictionary key 'info'
            d4:infod4:name1:a12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaa6:lengthi1eeeXYZ | trailing data
            """)
    void malformedTorrentsAreRejectedSayingWhatIsWrong(String input, String message) {
        assertThatThrownBy(() -> TorrentMetadata.parse(bytes(input)))
                .isInstanceOf(InvalidTorrentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void infoHashesAreFortyHexDigitsKeptInLowerCase() {
        assertThat(InfoHash.of("ABCDEF0123456789ABCDEF0123456789ABCDEF01").hex())
                .isEqualTo("abcdef0123456789abcdef0123456789abcdef01");
        assertThatThrownBy(() -> InfoHash.of("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40 hexadecimal digits");
        assertThatThrownBy(() -> InfoHash.of("g".repeat(40))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String string(String text) {
        return text.length() + ":" + text;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
