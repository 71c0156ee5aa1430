package app.marquee.catalog.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.marquee.support.MovableClock;

class TmdbResponseCacheTest {

    private static TmdbProperties properties(Duration ttl) {
        return new TmdbProperties(URI.create("http://127.0.0.1:9/3"), null, null, 40, ttl, Duration.ofSeconds(1),
                "marquee:tmdb:");
    }

    @Test
    void aCachedResponseLivesForTheTtlOfTheInjectedClock() {
        MovableClock clock = new MovableClock();
        CaffeineResponseCache cache = new CaffeineResponseCache(properties(Duration.ofHours(24)), clock);
        cache.put("/movie/105", "{}");

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(cache.get("/movie/105")).contains("{}");

        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.get("/movie/105")).isEmpty();
    }

    @Test
    void theCacheKeyIsThePathWithSortedParametersAndNoCredentials() {
        TmdbRequest a = TmdbRequest.of("/movie/105", Map.of("language", "en", "append_to_response", "translations,images"));
        TmdbRequest b = TmdbRequest.of("/movie/105", Map.of("append_to_response", "translations,images", "language", "en"));
        assertThat(a.key()).isEqualTo(b.key())
                .isEqualTo("/movie/105?append_to_response=translations,images&language=en")
                .doesNotContain("api_key");
        assertThat(TmdbRequest.of("/configuration").key()).isEqualTo("/configuration");
        assertThat(TmdbRequest.of("/discover/movie", Map.of("sort_by", "popularity desc")).key())
                .isEqualTo("/discover/movie?sort_by=popularity+desc");
    }

    @Test
    void garbageAndTitlesWithoutIdOrNameAreRefused() {
        assertThat(catchThrowable(() -> TmdbJson.parse("<html>", "x")))
                .isInstanceOf(TmdbException.Unavailable.class);
        assertThat(catchThrowable(() -> TmdbJson.movie(TmdbJson.parse("{\"id\":5}", "x"))))
                .isInstanceOf(TmdbException.Unavailable.class).hasMessageContaining("title");
        TmdbData.Movie movie = TmdbJson.movie(TmdbJson.parse(
                "{\"id\":5,\"title\":\"T\",\"release_date\":\"\",\"runtime\":null,\"genres\":[{\"id\":12,\"name\":\"Adventure\"}],"
                        + "\"translations\":{\"translations\":[{\"iso_639_1\":\"pt\",\"iso_3166_1\":\"BR\",\"data\":{\"title\":\"Tê\"}}]}}",
                "x"));
        assertThat(movie.releaseDate()).isNull();
        assertThat(movie.runtime()).isNull();
        assertThat(movie.genres()).containsExactly(new TmdbData.Genre(12, "Adventure"));
        assertThat(movie.translations()).extracting(TmdbData.Translation::language).containsExactly("pt-BR");
    }
}
