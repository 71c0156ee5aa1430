package app.marquee.catalog.tmdb;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One GET of the TMDB API: a path under the API root and its query parameters, never the credentials.
 * {@link #key()} is its normalised form (path, then the parameters sorted by name), which keys the
 * response cache, so two spellings of one request share an entry and no cache key ever holds a secret.
 */
record TmdbRequest(String path, SortedMap<String, String> query) {

    TmdbRequest {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("TMDB path must start with /: " + path);
        }
        query = new TreeMap<>(query);
    }

    static TmdbRequest of(String path, Map<String, String> query) {
        return new TmdbRequest(path, new TreeMap<>(query));
    }

    static TmdbRequest of(String path) {
        return new TmdbRequest(path, new TreeMap<>());
    }

    /** {@code /movie/105?append_to_response=translations,images&language=en}. */
    String key() {
        return query.isEmpty() ? path : path + "?" + encodedQuery();
    }

    String encodedQuery() {
        return query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        // commas are kept: TMDB's append_to_response lists are comma-separated
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ",");
    }
}
