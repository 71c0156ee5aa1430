package app.marquee.sources.yts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads YTS v2 JSON. The envelope is strict, since a dead mirror's parking page must not pass for an
 * answer; the movies and torrents inside are read leniently, as YTS leaves fields out or sends numbers as
 * strings now and then.
 */
final class YtsJson {

    private static final Logger log = LoggerFactory.getLogger(YtsJson.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INFO_HASH = Pattern.compile("[0-9a-fA-F]{40}");
    private static final int SNIPPET = 80;

    private YtsJson() {
    }

    /**
     * The {@code data} of a YTS answer {@code {"status":"ok","data":{...}}}, or null when the body is anything
     * else (HTML, another JSON, a YTS error); {@link #describe(String)} says what it was.
     */
    static @Nullable JsonNode envelopeData(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject() && "ok".equals(root.path("status").asString(""))
                    && root.path("data").isObject()) {
                return root.path("data");
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A short description of a body that was not the YTS envelope, for logs and health. */
    static String describe(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "an empty body";
        }
        return "'" + (flat.length() > SNIPPET ? flat.substring(0, SNIPPET) + "…" : flat) + "'";
    }

    /**
     * The torrents of the movies in {@code data.movies} whose {@code imdb_code} is {@code imdbId}. YTS's
     * {@code query_term} also matches titles and other ids, so the other movies are dropped; an answer
     * without {@code movies} ({@code movie_count: 0}) has none.
     */
    static List<YtsTorrent> torrents(JsonNode data, String imdbId) {
        List<YtsTorrent> result = new ArrayList<>();
        for (JsonNode movie : data.path("movies").values()) {
            if (!imdbId.equalsIgnoreCase(text(movie, "imdb_code"))) {
                continue;
            }
            String title = text(movie, "title");
            int year = movie.path("year").asInt(0);
            for (JsonNode torrent : movie.path("torrents").values()) {
                String hash = text(torrent, "hash");
                if (!INFO_HASH.matcher(hash).matches()) {
                    log.debug("skipping a YTS torrent of {} with a bad info-hash '{}'", imdbId, hash);
                    continue;
                }
                result.add(new YtsTorrent(hash, text(torrent, "quality"), text(torrent, "type"),
                        text(torrent, "video_codec"), text(torrent, "bit_depth"), text(torrent, "audio_channels"),
                        torrent.path("seeds").asInt(0), torrent.path("peers").asInt(0),
                        Math.max(0, torrent.path("size_bytes").asLong(0)), uploaded(torrent), text(torrent, "url"),
                        title, year));
            }
        }
        return result;
    }

    /** A text field (numbers as their text), or "" when missing or null. */
    private static String text(JsonNode n, String field) {
        JsonNode value = n.path(field);
        return value.isString() || value.isNumber() ? value.asString().strip() : "";
    }

    private static @Nullable Instant uploaded(JsonNode torrent) {
        long seconds = torrent.path("date_uploaded_unix").asLong(0);
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
    }
}
