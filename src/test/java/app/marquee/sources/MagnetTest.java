package app.marquee.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.marquee.torrent.InfoHash;

class MagnetTest {

    private static final String HEX = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";
    private static final InfoHash HASH = InfoHash.of(HEX);

    @Test
    void aBuiltMagnetIsTheBep9LinkWithEveryValuePercentEncoded() {
        Magnet magnet = new Magnet(HASH, "Big Buck Bunny (2008) & co", List.of("udp://tracker.example:1337/announce",
                "http://tracker.example/announce?passkey=a b&x=1"), 276_134_947L);

        assertThat(magnet.toUri()).isEqualTo("magnet:?xt=urn:btih:" + HEX
                + "&dn=Big%20Buck%20Bunny%20%282008%29%20%26%20co&xl=276134947"
                + "&tr=udp%3A%2F%2Ftracker.example%3A1337%2Fannounce"
                + "&tr=http%3A%2F%2Ftracker.example%2Fannounce%3Fpasskey%3Da%20b%26x%3D1");
    }

    @Test
    void aMagnetWithoutNameTrackersOrLengthIsJustItsHash() {
        assertThat(new Magnet(HASH, null, List.of(), null).toUri()).isEqualTo("magnet:?xt=urn:btih:" + HEX);
    }

    @Test
    void trackersAreDeduplicatedKeepingTheFirstOccurrencesOrder() {
        Magnet magnet = Magnet.of(HASH, "x", List.of("udp://b:1", "udp://a:1", "udp://b:1", "udp://c:1", "udp://a:1"));

        assertThat(magnet.trackers()).containsExactly("udp://b:1", "udp://a:1", "udp://c:1");
        assertThat(magnet.toUri()).endsWith("&tr=udp%3A%2F%2Fb%3A1&tr=udp%3A%2F%2Fa%3A1&tr=udp%3A%2F%2Fc%3A1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sintel",
        "Big Buck Bunny 1080p",
        "Tom & Jerry = 100% fun + more?",
        "Amélie (2001) – Le Fabuleux Destin d’Amélie Poulain",
        "千と千尋の神隠し 🐉",
        "a/b\\c#d;e,f"})
    void namesSurviveTheRoundTrip(String name) {
        Magnet magnet = new Magnet(HASH, name, List.of("udp://tracker.example:6969/announce"), 42L);

        assertThat(Magnet.parse(magnet.toUri())).isEqualTo(magnet);
    }

    @Test
    void trackerUrlsWithQueryStringsSurviveTheRoundTrip() {
        Magnet magnet = Magnet.of(HASH, "x", List.of(
                "https://tracker.example/announce.php?passkey=0123abcd&uid=7",
                "http://tracker.example:8080/a/announce?x=%2F+y",
                "udp://[2001:db8::1]:6969/announce"));

        assertThat(Magnet.parse(magnet.toUri())).isEqualTo(magnet);
    }

    @Test
    void base32AndHexInfoHashesAreTheSameHash() {
        assertThat(Magnet.parse("magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK").infoHash()).isEqualTo(HASH);
        assertThat(Magnet.parse("magnet:?xt=urn:btih:yex6dqdlxisuvhoj6um3gnnkpqjwpkek").infoHash()).isEqualTo(HASH);
        assertThat(Magnet.parse("magnet:?xt=urn:btih:" + HEX.toUpperCase()).infoHash()).isEqualTo(HASH);
    }

    @Test
    void parsingReadsAnIndexersLinkAndIgnoresUnknownParameters() {
        Magnet magnet = Magnet.parse("MAGNET:?XT=URN:BTIH:" + HEX + "&dn=Sintel+%282010%29+%5B1080p%5D"
                + "&tr=udp%3A%2F%2Ftracker.opentrackr.org%3A1337%2Fannounce&ws=https%3A%2F%2Fseed.example%2F"
                + "&x.pe=10.0.0.1:6881&tr=&xt=urn:btmh:1220" + "ab".repeat(32) + "&tr=udp://open.example:80"
                + "&xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK&dn=second+name&xl=129241752&flag");

        assertThat(magnet).isEqualTo(new Magnet(HASH, "Sintel (2010) [1080p]",
                List.of("udp://tracker.opentrackr.org:1337/announce", "udp://open.example:80"), 129_241_752L));
    }

    @Test
    void unescapedUnicodeOfAPastedLinkIsKept() {
        assertThat(Magnet.parse("magnet:?xt=urn:btih:" + HEX + "&dn=Amélie 🐉").displayName()).isEqualTo("Amélie 🐉");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        http://example.com/file.torrent                  | not a magnet link: it does not start with 'magnet:?'
        magnet:                                          | not a magnet link: it does not start with 'magnet:?'
        magnet:?dn=Sintel&tr=udp%3A%2F%2Fa%3A1           | the magnet link has no BitTorrent info-hash (xt=urn:btih:…)
        magnet:?xt=urn:sha1:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK | the magnet link has no BitTorrent info-hash (xt=urn:btih:…)
        magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a8 | the info-hash must be 40 hexadecimal digits or 32 base32 characters, not 38 characters: 'c12fe1c06bba254a9dc9f519b335aa7c1367a8'
        magnet:?xt=urn:btih:                             | the info-hash must be 40 hexadecimal digits or 32 base32 characters, not 0 characters: ''
        magnet:?xt=urn:btih:g12fe1c06bba254a9dc9f519b335aa7c1367a88a | the 40-character info-hash is not hexadecimal: 'g12fe1c06bba254a9dc9f519b335aa7c1367a88a'
        magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE1 | the 32-character info-hash is not base32 (A–Z, 2–7): 'YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE1'
        magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&xt=urn:btih:0000000000000000000000000000000000000000 | the magnet link names two different info-hashes: c12fe1c06bba254a9dc9f519b335aa7c1367a88a and 0000000000000000000000000000000000000000
        magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&xl=-1 | xl (exact length) must be a non-negative number of bytes, not '-1'
        magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&xl=12MB | xl (exact length) must be a non-negative number of bytes, not '12MB'
        magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&xl=1&xl=2 | the magnet link gives two different lengths (xl): 1 and 2
        magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=100%   | bad percent-escape '%' in dn
        magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&tr=udp%3x | bad percent-escape '%3x' in tr
        magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=%FF%FE | the percent-escapes of dn are not UTF-8
        """)
    void aMalformedLinkIsRefusedSayingWhatIsWrong(String uri, String message) {
        assertThatThrownBy(() -> Magnet.parse(uri)).isInstanceOf(InvalidMagnetException.class).hasMessage(message);
    }

    @Test
    void aLinkLongerThan8KibIsRefusedBeforeItIsRead() {
        String uri = "magnet:?xt=urn:btih:" + HEX + "&dn=" + "a".repeat(8192);

        assertThatThrownBy(() -> Magnet.parse(uri)).isInstanceOf(InvalidMagnetException.class)
                .hasMessage("a magnet link is at most 8192 characters; this one has 8256");
        String longest = "magnet:?xt=urn:btih:" + HEX + "&dn=" + "a".repeat(8192 - 64);
        assertThat(Magnet.parse(longest).displayName()).hasSize(8192 - 64);
    }
}
