package app.marquee.sources.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.marquee.torrent.InfoHash;

/**
 * The conventional HTTP scrape (BEP 48): a GET of the announce URL with its last path segment's
 * {@code announce} replaced by {@code scrape}, one {@code info_hash} parameter per torrent, answered by a
 * bencoded dictionary whose {@code files} maps each raw 20-byte info-hash to its counts.
 */
final class HttpScrape {

    /** About 3.5 KB of query per request: well within the URL length servers accept. */
    static final int MAX_HASHES_PER_REQUEST = 50;
    /** A scrape answer is about 60 bytes per torrent; more than this is not a scrape answer. */
    private static final int MAX_ANSWER = 1 << 20;

    private final ScrapeSettings settings;

    HttpScrape(ScrapeSettings settings) {
        this.settings = settings;
    }

    /**
     * The scrape URL of an announce URL: {@code …/announce} → {@code …/scrape}, {@code …/announce.php?k=v} →
     * {@code …/scrape.php?k=v} (a passkey in the query is kept).
     *
     * @throws TrackerException when the last path segment does not start with {@code announce}: BEP 48 says
     *     such a tracker does not support scrape
     */
    static URI scrapeUri(URI announce) {
        String path = announce.getRawPath() == null ? "" : announce.getRawPath();
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (announce.getRawAuthority() == null || slash < 0 || !last.startsWith("announce")) {
            throw new TrackerException("cannot scrape " + announce + ": the last segment of its path does not start"
                    + " with 'announce', so it has no scrape URL (BEP 48)");
        }
        String query = announce.getRawQuery() == null ? "" : "?" + announce.getRawQuery();
        return URI.create(announce.getScheme() + "://" + announce.getRawAuthority() + path.substring(0, slash + 1)
                + "scrape" + last.substring("announce".length()) + query);
    }

    Map<InfoHash, ScrapeResult> scrape(URI announce, HttpClient client, List<InfoHash> hashes) {
        URI scrape = scrapeUri(announce);
        Map<InfoHash, ScrapeResult> results = new LinkedHashMap<>();
        for (int from = 0; from < hashes.size(); from += MAX_HASHES_PER_REQUEST) {
            List<InfoHash> batch = hashes.subList(from, Math.min(hashes.size(), from + MAX_HASHES_PER_REQUEST));
            results.putAll(parse(announce, get(announce, client, withHashes(scrape, batch)), batch));
        }
        return results;
    }

    private static URI withHashes(URI scrape, List<InfoHash> hashes) {
        StringBuilder uri = new StringBuilder(scrape.toString());
        char separator = scrape.getRawQuery() == null ? '?' : '&';
        for (InfoHash hash : hashes) {
            uri.append(separator).append("info_hash=");
            // every raw byte escaped: valid in any query, whatever the byte
            for (byte b : hash.bytes()) {
                uri.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private byte[] get(URI announce, HttpClient client, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.httpTimeout()).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new TrackerException(announce + " answered the scrape with HTTP " + response.statusCode());
                }
                byte[] answer = body.readNBytes(MAX_ANSWER + 1);
                if (answer.length > MAX_ANSWER) {
                    throw new TrackerException(
                            announce + " answered the scrape with more than " + MAX_ANSWER + " bytes");
                }
                return answer;
            }
        } catch (IOException e) {
            throw new TrackerException("cannot scrape " + announce + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerException("interrupted while scraping " + announce, e);
        }
    }

    /** The counts of the asked hashes the answer has; others it may hold are left out. */
    private static Map<InfoHash, ScrapeResult> parse(URI announce, byte[] answer, List<InfoHash> asked) {
        Object decoded;
        try {
            decoded = ScrapeBencode.decode(answer);
        } catch (IllegalArgumentException e) {
            throw new TrackerException(announce + " answered the scrape with " + e.getMessage(), e);
        }
        if (!(decoded instanceof Map<?, ?> root)) {
            throw new TrackerException(announce + " answered the scrape with something other than a dictionary");
        }
        if (root.get("failure reason") instanceof String reason) {
            throw new TrackerException(announce + " refused the scrape: "
                    + new String(ScrapeBencode.bytes(reason), StandardCharsets.UTF_8));
        }
        if (!(root.get("files") instanceof Map<?, ?> files)) {
            throw new TrackerException(announce + " answered the scrape without a 'files' dictionary");
        }
        Map<InfoHash, ScrapeResult> results = new LinkedHashMap<>();
        for (InfoHash hash : asked) {
            if (files.get(new String(hash.bytes(), StandardCharsets.ISO_8859_1)) instanceof Map<?, ?> counts) {
                results.put(hash, new ScrapeResult(hash, count(announce, counts, "complete"),
                        count(announce, counts, "incomplete"), count(announce, counts, "downloaded")));
            }
        }
        return results;
    }

    private static int count(URI announce, Map<?, ?> counts, String key) {
        Object value = counts.get(key);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Long number) || number < 0 || number > Integer.MAX_VALUE) {
            throw new TrackerException(announce + " answered a scrape whose '" + key + "' is not a count: " + value);
        }
        return number.intValue();
    }
}
