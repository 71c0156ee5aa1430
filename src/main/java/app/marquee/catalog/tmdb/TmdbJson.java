package app.marquee.catalog.tmdb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.marquee.catalog.tmdb.TmdbData.Kind;

/**
 * Reads TMDB's v3 JSON into {@link TmdbData}. Lenient where TMDB is (missing, null or empty optional
 * fields become null), strict where a title would be meaningless: an answer without an id or a name is
 * treated as garbage ({@link TmdbException.Unavailable}), so it is neither stored nor cached.
 */
final class TmdbJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TmdbJson() {
    }

    static JsonNode parse(String body, String what) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw garbage(what, "not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new TmdbException.Unavailable("TMDB sent an unreadable answer to " + what, false, e);
        }
    }

    static TmdbData.Movie movie(JsonNode n) {
        int id = requiredId(n, "movie");
        return new TmdbData.Movie(id, text(n, "imdb_id"), required(n, "title", "movie " + id),
                text(n, "original_title"), text(n, "original_language"), text(n, "overview"), text(n, "tagline"),
                date(n, "release_date"), integer(n, "runtime"), text(n, "status"), n.path("adult").asBoolean(false),
                text(n, "poster_path"), text(n, "backdrop_path"), logo(n.path("images").path("logos")),
                decimal(n, "popularity"), decimal(n, "vote_average"), integer(n, "vote_count"),
                genres(n.path("genres")), translations(n.path("translations").path("translations"), "title"));
    }

    static TmdbData.Show show(JsonNode n) {
        int id = requiredId(n, "show");
        JsonNode external = n.path("external_ids");
        return new TmdbData.Show(id, text(external, "imdb_id"), integer(external, "tvdb_id"),
                required(n, "name", "show " + id), text(n, "original_name"), text(n, "original_language"),
                text(n, "overview"), text(n, "tagline"), date(n, "first_air_date"), date(n, "last_air_date"),
                text(n, "status"), n.path("in_production").asBoolean(false), integer(n, "number_of_seasons"),
                integer(n, "number_of_episodes"), text(n, "poster_path"), text(n, "backdrop_path"),
                decimal(n, "popularity"), decimal(n, "vote_average"), integer(n, "vote_count"),
                genres(n.path("genres")), translations(n.path("translations").path("translations"), "name"),
                list(n.path("seasons"), s -> new TmdbData.SeasonSummary(integer(s, "id"), s.path("season_number").asInt(),
                        text(s, "name"), text(s, "overview"), date(s, "air_date"), text(s, "poster_path"),
                        integer(s, "episode_count"))));
    }

    static TmdbData.Season season(JsonNode n, String what) {
        if (!n.path("season_number").isIntegralNumber()) {
            throw garbage(what, "no season_number");
        }
        return new TmdbData.Season(integer(n, "id"), n.path("season_number").asInt(), text(n, "name"),
                text(n, "overview"), date(n, "air_date"), text(n, "poster_path"),
                list(n.path("episodes"), e -> new TmdbData.Episode(integer(e, "id"), e.path("episode_number").asInt(),
                        text(e, "name"), text(e, "overview"), date(e, "air_date"), text(e, "still_path"),
                        integer(e, "runtime"), decimal(e, "vote_average"))));
    }

    static List<TmdbData.Genre> genres(JsonNode array) {
        return list(array, g -> new TmdbData.Genre(g.path("id").asInt(), g.path("name").asString("")))
                .stream().filter(g -> g.id() > 0 && !g.name().isBlank()).toList();
    }

    static TmdbData.Page<TmdbData.ListEntry> listPage(JsonNode n, Kind defaultKind) {
        if (!n.path("results").isArray()) {
            throw garbage("list", "no results");
        }
        List<TmdbData.ListEntry> entries = new ArrayList<>();
        for (JsonNode r : n.path("results").values()) {
            Kind kind = switch (r.path("media_type").asString("")) {
                case "movie" -> Kind.MOVIE;
                case "tv" -> Kind.TV;
                case "" -> defaultKind;
                default -> null; // people in trending/all
            };
            String title = kind == Kind.TV ? text(r, "name") : text(r, "title");
            if (kind == null || r.path("id").asInt() <= 0 || title == null) {
                continue;
            }
            entries.add(new TmdbData.ListEntry(kind, r.path("id").asInt(), title,
                    text(r, kind == Kind.TV ? "original_name" : "original_title"), text(r, "original_language"),
                    text(r, "overview"), date(r, kind == Kind.TV ? "first_air_date" : "release_date"),
                    r.path("adult").asBoolean(false), text(r, "poster_path"), text(r, "backdrop_path"),
                    decimal(r, "popularity"), decimal(r, "vote_average"), integer(r, "vote_count"),
                    list(r.path("genre_ids"), JsonNode::asInt)));
        }
        return new TmdbData.Page<>(n.path("page").asInt(1), n.path("total_pages").asInt(1), entries);
    }

    static TmdbData.Page<Integer> changes(JsonNode n) {
        List<Integer> ids = list(n.path("results"), r -> r.path("id").asInt()).stream().filter(id -> id > 0).toList();
        return new TmdbData.Page<>(n.path("page").asInt(1), n.path("total_pages").asInt(1), ids);
    }

    static TmdbData.ImageConfiguration configuration(JsonNode n) {
        JsonNode images = n.path("images");
        String base = text(images, "secure_base_url");
        if (base == null) {
            throw garbage("configuration", "no images.secure_base_url");
        }
        return new TmdbData.ImageConfiguration(base, list(images.path("poster_sizes"), JsonNode::asString),
                list(images.path("backdrop_sizes"), JsonNode::asString),
                list(images.path("logo_sizes"), JsonNode::asString), list(images.path("still_sizes"), JsonNode::asString));
    }

    /** The English logo if there is one, else the first of any language. */
    private static @Nullable String logo(JsonNode logos) {
        String first = null;
        for (JsonNode logo : logos.values()) {
            String path = text(logo, "file_path");
            if (path != null && "en".equals(text(logo, "iso_639_1"))) {
                return path;
            }
            first = first == null ? path : first;
        }
        return first;
    }

    private static List<TmdbData.Translation> translations(JsonNode array, String titleField) {
        List<TmdbData.Translation> result = new ArrayList<>();
        for (JsonNode t : array.values()) {
            String language = text(t, "iso_639_1");
            String region = text(t, "iso_3166_1");
            if (language == null || language.length() != 2) {
                continue;
            }
            JsonNode data = t.path("data");
            result.add(new TmdbData.Translation(region == null ? language : language + "-" + region,
                    text(data, titleField), text(data, "overview"), text(data, "tagline")));
        }
        return result;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        if (!array.isArray()) {
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (JsonNode node : array.values()) {
            result.add(item.apply(node));
        }
        return result;
    }

    private static int requiredId(JsonNode n, String what) {
        int id = n.path("id").asInt(0);
        if (id <= 0) {
            throw garbage(what, "no id");
        }
        return id;
    }

    private static String required(JsonNode n, String field, String what) {
        String value = text(n, field);
        if (value == null) {
            throw garbage(what, "no " + field);
        }
        return value;
    }

    /** A string field, or null when missing, JSON null or blank. */
    static @Nullable String text(JsonNode n, String field) {
        JsonNode value = n.path(field);
        if (!value.isString()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    private static @Nullable Integer integer(JsonNode n, String field) {
        JsonNode value = n.path(field);
        return value.isNumber() ? value.asInt() : null;
    }

    private static @Nullable Double decimal(JsonNode n, String field) {
        JsonNode value = n.path(field);
        return value.isNumber() ? value.asDouble() : null;
    }

    private static @Nullable LocalDate date(JsonNode n, String field) {
        String value = text(n, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static TmdbException.Unavailable garbage(String what, String why) {
        return new TmdbException.Unavailable("TMDB sent an unusable answer for " + what + ": " + why, false, null);
    }
}
