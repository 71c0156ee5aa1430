package app.marquee.sources.torznab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.marquee.torrent.InfoHash;

/** Torznab answers in the shape Prowlarr writes them (see FakeTorznab for the document they follow). */
class TorznabXmlTest {

    static final String HASH = "0123456789abcdef0123456789abcdef01234567";
    static final String MAGNET_HASH = "89abcdef0123456789abcdef0123456789abcdef";

    static final String ANSWER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
              <channel>
                <atom:link rel="self" type="application/rss+xml" />
                <title>Prowlarr</title>
                <item>
                  <title>Hungry.Skunk.1994.1080p.BluRay.x264</title>
                  <description />
                  <guid>https://tracker.example/details/1</guid>
                  <prowlarrindexer id="1" type="public">Example</prowlarrindexer>
                  <pubDate>Thu, 14 Mar 2024 10:00:00 +0000</pubDate>
                  <size>2147483648</size>
                  <link>http://prowlarr:9696/1/download?apikey=secret&amp;link=abc&amp;file=Hungry</link>
                  <category>2000</category>
                  <enclosure url="http://prowlarr:9696/1/download?apikey=secret&amp;link=abc&amp;file=Hungry" length="2147483648" type="application/x-bittorrent" />
                  <torznab:attr name="category" value="2000" />
                  <torznab:attr name="category" value="2040" />
                  <torznab:attr name="imdb" value="0111161" />
                  <torznab:attr name="seeders" value="120" />
                  <torznab:attr name="grabs" value="7" />
                  <torznab:attr name="peers" value="150" />
                  <torznab:attr name="infohash" value="%s" />
                  <torznab:attr name="downloadvolumefactor" value="0" />
                </item>
                <item>
                  <title>Hungry.Skunk.1994.720p.WEB</title>
                  <pubDate>not a date</pubDate>
                  <link>magnet:?xt=urn:btih:%s&amp;dn=Hungry</link>
                  <torznab:attr name="imdbid" value="tt0111161" />
                  <torznab:attr name="size" value="900000000" />
                  <torznab:attr name="seeders" value="3" />
                </item>
                <item>
                  <title>Hungry.Skunk.1994.Torrent.Only</title>
                  <link>http://prowlarr:9696/1/download?apikey=secret&amp;link=def</link>
                  <torznab:attr name="seeders" value="9" />
                </item>
                <item>
                  <title>Another.Movie.2001.1080p</title>
                  <torznab:attr name="imdb" value="0222222" />
                  <torznab:attr name="infohash" value="%s" />
                </item>
              </channel>
            </rss>
            """.formatted(HASH.toUpperCase(), MAGNET_HASH, HASH);

    @Test
    void readsAttributesSizesDatesAndTakesLeechersAsPeersMinusSeeders() {
        List<TorznabResult> results = TorznabXml.results("prowlarr", bytes(ANSWER), "0111161");

        assertThat(results).hasSize(2);
        TorznabResult first = results.getFirst();
        assertThat(first).isEqualTo(new TorznabResult("prowlarr", "Hungry.Skunk.1994.1080p.BluRay.x264",
                InfoHash.of(HASH), null, "http://prowlarr:9696/1/download?apikey=secret&link=abc&file=Hungry",
                2147483648L, 120, 30, Instant.parse("2024-03-14T10:00:00Z")));
        assertThat(first.toString()).doesNotContain("secret");
    }

    @Test
    void aResultWithOnlyAMagnetTakesItsHashFromTheMagnet() {
        TorznabResult second = TorznabXml.results("prowlarr", bytes(ANSWER), "0111161").get(1);

        assertThat(second.infoHash()).isEqualTo(InfoHash.of(MAGNET_HASH));
        assertThat(second.magnet()).startsWith("magnet:?xt=urn:btih:" + MAGNET_HASH);
        assertThat(second.torrentUrl()).isNull();
        assertThat(second.size()).isEqualTo(900_000_000L);
        assertThat(second.seeders()).isEqualTo(3);
        assertThat(second.leechers()).isNull(); // no peers: unknown, not zero
        assertThat(second.published()).isNull();
    }

    @Test
    void resultsWithoutAHashOrMagnetAndResultsTaggedWithAnotherMovieAreLeftOut() {
        assertThat(TorznabXml.results("prowlarr", bytes(ANSWER), "0111161"))
                .extracting(TorznabResult::title)
                .doesNotContain("Hungry.Skunk.1994.Torrent.Only", "Another.Movie.2001.1080p");
        // without an IMDb id to check, the other movie's result is kept; the hashless one never is
        assertThat(TorznabXml.results("prowlarr", bytes(ANSWER), null)).hasSize(3);
    }

    @Test
    void capsSayWhichSearchesAnEndpointOffersAndTheirParameters() {
        String caps = """
                <?xml version="1.0" encoding="UTF-8"?>
                <caps>
                  <server title="Jackett" />
                  <searching>
                    <search available="yes" supportedParams="q" />
                    <tv-search available="yes" supportedParams="q,season,ep,tvdbId" />
                    <movie-search available="no" supportedParams="q,imdbid" />
                  </searching>
                </caps>
                """;

        TorznabCaps read = TorznabXml.caps(bytes(caps));

        assertThat(read.movieParams()).isNull();
        assertThat(read.tvParams()).containsExactlyInAnyOrder("q", "season", "ep", "tvdbid");
        assertThat(read.tv("imdbid")).isFalse();
        assertThatThrownBy(() -> TorznabXml.caps(bytes("<rss><channel/></rss>")))
                .isInstanceOf(TorznabXml.Invalid.class).hasMessageContaining("not a caps answer");
    }

    @Test
    void anEmptyChannelIsNoResults() {
        String empty = "<rss version=\"2.0\"><channel><title>Prowlarr</title></channel></rss>";
        assertThat(TorznabXml.results("prowlarr", bytes(empty), "0111161")).isEmpty();
    }

    @Test
    void aTorznabErrorElementIsAFailureWithItsDescription() {
        String error = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"100\" description=\"Invalid API Key\" />";

        assertThatThrownBy(() -> TorznabXml.results("prowlarr", bytes(error), "0111161"))
                .isInstanceOf(TorznabXml.Invalid.class)
                .hasMessage("Torznab error 100: Invalid API Key");
    }

    @Test
    void malformedXmlAndHtmlAreFailures() {
        assertThatThrownBy(() -> TorznabXml.results("prowlarr", bytes("<rss><channel><item>"), null))
                .isInstanceOf(TorznabXml.Invalid.class)
                .hasMessageContaining("not XML");
        assertThatThrownBy(() -> TorznabXml.results("prowlarr", bytes("<html><body>Sign in</body></html>"), null))
                .isInstanceOf(TorznabXml.Invalid.class)
                .hasMessageContaining("not an RSS answer");
        assertThatThrownBy(() -> TorznabXml.results("prowlarr", new byte[0], null))
                .isInstanceOf(TorznabXml.Invalid.class)
                .hasMessageContaining("an empty body");
    }

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><item>
                  <title>&xxe;</title>
                  <link>magnet:?xt=urn:btih:%s</link>
                </item></channel></rss>
                """.formatted(secret.toUri(), HASH);

        assertThatThrownBy(() -> TorznabXml.results("prowlarr", bytes(xxe), null))
                .isInstanceOf(TorznabXml.Invalid.class)
                .hasMessageContaining("not XML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET-CONTENT"));
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
