package app.marquee.sources.eztv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.marquee.torrent.InfoHash;

/**
 * Reads the EZTV API's {@code get-torrents} answer:
 * {@code {"imdb_id":"6048596","torrents_count":N,"limit":30,"page":1,"torrents":[...]}}, where each torrent has
 * {@code hash, filename, title, season, episode, magnet_url, torrent_url, seeds, peers, size_bytes,
 * date_released_unix} among others. EZTV sends {@code season}, {@code episode} and {@code size_bytes} as strings,
 * and leaves {@code torrents} out when the count is 0. The envelope is strict (a dead mirror's parking page must
 * not pass for an answer); the torrents are read leniently, numbers accepted as numbers or strings.
 */
final class EztvJson {

    private static final Logger log = LoggerFactory.getLogger(EztvJson.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SNIPPET = 80;

    /**
     * One page of an answer.
     *
     * @param torrentsCount how many torrents EZTV has for the show, over all pages
     * @param listed how many torrents this page listed, those skipped included (for paging)
     * @param torrents the usable torrents of this page
     */
    record Page(long torrentsCount, int listed, List<EztvTorrent> torrents) {
    }

    private EztvJson() {
    }

    /**
     * The answer as a JSON object, or null when the body is anything else (HTML, another JSON): an EZTV answer
     * is an object with a numeric {@code torrents_count}. {@link #describe(String)} says what it was.
     */
    static @Nullable JsonNode envelope(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject() && number(root.path("torrents_count")) != null) {
                return root;
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A short description of a body that was not an EZTV answer, for logs and health. */
    static String describe(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "an empty body";
        }
        return "'" + (flat.length() > SNIPPET ? flat.substring(0, SNIPPET) + "…" : flat) + "'";
    }

    /** The page in an answer {@link #envelope} accepted; torrents with a bad info-hash are skipped. */
    static Page page(JsonNode root) {
        Long count = number(root.path("torrents_count"));
        List<EztvTorrent> torrents = new ArrayList<>();
        int listed = 0;
        for (JsonNode torrent : root.path("torrents").values()) {
            listed++;
            String hash = text(torrent, "hash");
            InfoHash infoHash;
            try {
                infoHash = InfoHash.of(hash);
            } catch (IllegalArgumentException e) {
                log.debug("skipping an EZTV torrent '{}' with a bad info-hash '{}'", text(torrent, "title"), hash);
                continue;
            }
            Long size = number(torrent.path("size_bytes"));
            Long released = number(torrent.path("date_released_unix"));
            torrents.add(new EztvTorrent(infoHash, text(torrent, "title"), text(torrent, "filename"),
                    positiveInt(torrent.path("season")), positiveInt(torrent.path("episode")),
                    blankToNull(text(torrent, "magnet_url")), blankToNull(text(torrent, "torrent_url")),
                    size != null && size > 0 ? size : null,
                    count(torrent.path("seeds")), count(torrent.path("peers")),
                    released != null && released > 0 ? Instant.ofEpochSecond(released) : null));
        }
        return new Page(count == null ? 0 : Math.max(0, count), listed, torrents);
    }

    /** A whole number given as a JSON number or as a string of digits, else null. */
    private static @Nullable Long number(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isString()) {
            try {
                return Long.parseLong(value.asString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A season or episode number: EZTV's {@code "0"} (none) and anything missing or unreadable are null. */
    private static @Nullable Integer positiveInt(JsonNode value) {
        Long n = number(value);
        return n != null && n > 0 && n <= Integer.MAX_VALUE ? Integer.valueOf(n.intValue()) : null;
    }

    private static int count(JsonNode value) {
        Long n = number(value);
        return n == null ? 0 : (int) Math.clamp(n, 0, Integer.MAX_VALUE);
    }

    /** A text field (numbers as their text), or "" when missing or null. */
    private static String text(JsonNode n, String field) {
        JsonNode value = n.path(field);
        return value.isString() || value.isNumber() ? value.asString().strip() : "";
    }

    private static @Nullable String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
