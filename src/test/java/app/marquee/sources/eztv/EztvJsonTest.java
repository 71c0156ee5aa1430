package app.marquee.sources.eztv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import app.marquee.torrent.InfoHash;

/** Reading EZTV {@code get-torrents} answers, in the shape of its public API page. */
class EztvJsonTest {

    static final String HASH = "a017ac9bf02de9e36f1f9177bdb60612186a8a34";

    @Test
    void readsStringTypedNumbersAsEztvSendsThem() {
        EztvJson.Page page = EztvJson.page(envelope("""
                {"imdb_id":"6048596","torrents_count":1,"limit":30,"page":1,"torrents":[{
                  "id":2040000,"hash":"%s","filename":"Show.S02E05.1080p.WEB.h264-GRP[eztv].mkv",
                  "episode_url":"https://eztvx.to/ep/2040000/show-s02e05/","torrent_url":"https://zoink.ch/torrent/x.torrent",
                  "magnet_url":"magnet:?xt=urn:btih:%s","title":"Show S02E05 1080p WEB h264-GRP EZTV",
                  "imdb_id":"6048596","season":"2","episode":"5","small_screenshot":"","large_screenshot":"",
                  "seeds":42,"peers":7,"date_released_unix":1700000000,"size_bytes":"1503238553"}]}
                """.formatted(HASH, HASH)));

        assertThat(page.torrentsCount()).isEqualTo(1);
        assertThat(page.listed()).isEqualTo(1);
        assertThat(page.torrents()).containsExactly(new EztvTorrent(InfoHash.of(HASH),
                "Show S02E05 1080p WEB h264-GRP EZTV", "Show.S02E05.1080p.WEB.h264-GRP[eztv].mkv", 2, 5,
                "magnet:?xt=urn:btih:" + HASH, "https://zoink.ch/torrent/x.torrent", 1_503_238_553L, 42, 7,
                Instant.ofEpochSecond(1_700_000_000L)));
    }

    @Test
    void missingFieldsAndZeroSeasonOrEpisodeAreNull() {
        EztvJson.Page page = EztvJson.page(envelope("""
                {"torrents_count":"2","torrents":[
                  {"hash":"%s","title":"Show S03 Complete","season":"3","episode":"0","size_bytes":"0"},
                  {"hash":"%s","season":"0","episode":null,"seeds":"3","magnet_url":"  "}]}
                """.formatted(HASH, HASH.toUpperCase().replace('A', 'B'))));

        assertThat(page.torrents()).hasSize(2);
        EztvTorrent pack = page.torrents().getFirst();
        assertThat(pack.season()).isEqualTo(3);
        assertThat(pack.episode()).isNull();
        assertThat(pack.size()).isNull();
        assertThat(pack.magnet()).isNull();
        assertThat(pack.torrentUrl()).isNull();
        assertThat(pack.released()).isNull();
        assertThat(pack.seeds()).isZero();
        EztvTorrent bare = page.torrents().get(1);
        assertThat(bare.infoHash().hex()).isEqualTo(HASH.replace('a', 'b'));
        assertThat(bare.title()).isEmpty();
        assertThat(bare.filename()).isEmpty();
        assertThat(bare.season()).isNull();
        assertThat(bare.episode()).isNull();
        assertThat(bare.seeds()).isEqualTo(3);
    }

    @Test
    void aTorrentWithABadHashIsSkippedButCountedForPaging() {
        EztvJson.Page page = EztvJson.page(envelope("""
                {"torrents_count":3,"torrents":[{"hash":"not-a-hash"},{"title":"no hash"},{"hash":"%s"}]}
                """.formatted(HASH)));

        assertThat(page.listed()).isEqualTo(3);
        assertThat(page.torrents()).extracting(t -> t.infoHash().hex()).containsExactly(HASH);
    }

    @Test
    void anUnknownShowIsACountOfZeroWithoutTorrents() {
        EztvJson.Page page = EztvJson.page(envelope("""
                {"imdb_id":"9999999","torrents_count":0,"limit":100,"page":1}
                """));

        assertThat(page.torrentsCount()).isZero();
        assertThat(page.listed()).isZero();
        assertThat(page.torrents()).isEmpty();
    }

    @Test
    void onlyAnObjectWithANumericTorrentsCountIsAnEztvAnswer() {
        assertThat(EztvJson.envelope("<!DOCTYPE html><html><title>This domain is for sale</title></html>")).isNull();
        assertThat(EztvJson.envelope("{\"status\":\"ok\",\"data\":{}}")).isNull();
        assertThat(EztvJson.envelope("[]")).isNull();
        assertThat(EztvJson.envelope("")).isNull();
        assertThat(EztvJson.envelope("{\"torrents_count\":\"many\"}")).isNull();
        assertThat(EztvJson.describe("  <html>\n <body>parked</body></html> ")).isEqualTo("'<html> <body>parked</body></html>'");
    }

    private static JsonNode envelope(String body) {
        JsonNode root = EztvJson.envelope(body);
        assertThat(root).as("accepted as an EZTV answer: %s", body).isNotNull();
        return root;
    }
}
