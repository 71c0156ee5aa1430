package app.marquee.sources.yts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class YtsJsonTest {

    private static final String HASH = "7D0178DB0B21FE824C176AEAE4C86EDC00BFAA8E";

    @Test
    void onlyTheYtsEnvelopeWithStatusOkIsAnAnswer() {
        assertThat(YtsJson.envelopeData("{\"status\":\"ok\",\"data\":{\"movie_count\":0}}")).isNotNull();
        assertThat(YtsJson.envelopeData("<html><body>This domain is for sale</body></html>")).isNull();
        assertThat(YtsJson.envelopeData("{\"status\":\"error\",\"status_message\":\"bad\"}")).isNull();
        assertThat(YtsJson.envelopeData("{\"status\":\"ok\",\"data\":[]}")).isNull();
        assertThat(YtsJson.envelopeData("[]")).isNull();
        assertThat(YtsJson.envelopeData("")).isNull();
    }

    @Test
    void moviesOfOtherImdbIdsAreDroppedAndMissingFieldsBecomeEmptyOrZero() {
        JsonNode data = YtsJson.envelopeData("""
                {"status":"ok","data":{"movie_count":2,"movies":[
                  {"imdb_code":"tt0000002","title":"Other","year":2001,"torrents":[{"hash":"%s"}]},
                  {"imdb_code":"tt0000001","title":"Wanted","torrents":[
                    {"hash":"%s","seeds":"12","size_bytes":null,"bit_depth":10},
                    {"hash":"not-a-hash","quality":"720p"},
                    {"quality":"1080p"}]}]}}
                """.formatted(HASH, HASH.toLowerCase()));

        assertThat(YtsJson.torrents(data, "tt0000001")).containsExactly(new YtsTorrent(HASH.toLowerCase(), "", "", "",
                "10", "", 12, 0, 0, null, "", "Wanted", 0));
    }

    @Test
    void anAnswerWithoutMoviesHasNoTorrents() {
        JsonNode data = YtsJson.envelopeData("{\"status\":\"ok\",\"data\":{\"movie_count\":0,\"limit\":20,\"page_number\":1}}");

        assertThat(YtsJson.torrents(data, "tt0000001")).isEmpty();
    }
}
