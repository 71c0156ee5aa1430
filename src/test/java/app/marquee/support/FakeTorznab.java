package app.marquee.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for one Torznab endpoint, as Prowlarr serves one per indexer at {@code /<id>/api}. Nothing
 * is recorded for Torznab (fixtures/README.md), so the answers follow the Torznab 1.3 spec
 * (torznab.github.io/spec-1.3-draft: {@code t=caps}, {@code t=movie}, the {@code torznab:attr} names and the
 * error codes) in the shape Prowlarr writes them (its {@code NewznabResults} RSS: {@code title}, {@code guid},
 * {@code prowlarrindexer}, {@code pubDate}, {@code size}, a {@code link} and {@code enclosure} to its download
 * proxy carrying the API key, then {@code category}, {@code imdb}, {@code seeders}, {@code grabs},
 * {@code peers}, {@code infohash}, {@code magneturl} and the volume factors as attributes).
 *
 * <p>A request without the right {@code apikey} gets {@code <error code="100" description="Invalid API Key"/>}
 * with status 401, as Prowlarr answers it (Jackett gives the same error element). A {@code t=movie} search
 * for an IMDb id nobody {@link #serve}d is an empty channel; {@code imdbid} is matched with or without
 * {@code tt}, as Prowlarr accepts both. Counts every request.
 */
public final class FakeTorznab extends FakeIndexer {

    private static final String API_PATH = "/1/api";
    private static final String PUB_DATE = DateTimeFormatter.RFC_1123_DATE_TIME
            .format(ZonedDateTime.of(2024, 3, 14, 10, 0, 0, 0, ZoneOffset.UTC));

    /**
     * A release for {@link #serve}.
     *
     * @param infoHash the {@code infohash} attribute, null to leave it out
     * @param magnet the {@code magneturl} attribute, null to leave it out
     * @param peers seeders and leechers together, as Torznab counts them
     */
    public record Item(String title, @Nullable String infoHash, @Nullable String magnet, long size, int seeders,
            int peers) {
    }

    private final String apiKey;
    private final Map<String, List<Item>> served = new ConcurrentHashMap<>();

    /** Starts one on a free port of 127.0.0.1 that accepts this API key. */
    public static FakeTorznab start(String apiKey) {
        return new FakeTorznab(apiKey);
    }

    /** What a reverse proxy in front of an indexer answers with 200: its login page. */
    private static final String LOGIN_PAGE =
            "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>…</form></body></html>";

    private FakeTorznab(String apiKey) {
        super(LOGIN_PAGE);
        this.apiKey = apiKey;
    }

    /** The Torznab endpoint, as {@code marquee.indexers.torznab[n].url} takes it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + API_PATH);
    }

    /** From now on a {@code t=movie} search for {@code imdbId} ({@code tt…}) lists these releases. */
    public void serve(String imdbId, List<Item> items) {
        served.put(digits(imdbId), List.copyOf(items));
    }

    /**
     * From now on a {@code t=tvsearch} for the show {@code imdbId} ({@code tt…}) with this {@code season} and
     * {@code ep} (null: a search of the whole season, without {@code ep}) lists these releases.
     */
    public void serveTv(String imdbId, int season, @Nullable Integer episode, List<Item> items) {
        served.put(tvKey(digits(imdbId), Integer.toString(season), episode == null ? "" : episode.toString()),
                List.copyOf(items));
    }

    private static String tvKey(String imdbDigits, String season, String episode) {
        return "tv:" + imdbDigits + ":" + season + ":" + episode;
    }

    /** Back to normal answers: mode RECORDED, served releases and calls forgotten. */
    @Override
    public synchronized void reset() {
        super.reset();
        served.clear();
    }

    @Override
    protected void answer(HttpExchange exchange, String path, @Nullable String query) throws IOException {
        Map<String, String> parameters = parameters(query);
        if (!path.equals(API_PATH)) {
            send(exchange, 404, "text/plain", "Not Found");
            return;
        }
        if (!apiKey.equals(parameters.get("apikey"))) {
            send(exchange, 401, "application/xml; charset=utf-8", error(100, "Invalid API Key"));
            return;
        }
        switch (parameters.getOrDefault("t", "")) {
            case "caps" -> send(exchange, 200, "application/xml; charset=utf-8", CAPS);
            case "movie", "search" -> {
                String imdb = digits(parameters.getOrDefault("imdbid", ""));
                send(exchange, 200, "application/rss+xml; charset=utf-8",
                        feed(imdb, "2000", served.getOrDefault(imdb, List.of())));
            }
            case "tvsearch" -> {
                String imdb = digits(parameters.getOrDefault("imdbid", ""));
                String key = tvKey(imdb, parameters.getOrDefault("season", ""), parameters.getOrDefault("ep", ""));
                send(exchange, 200, "application/rss+xml; charset=utf-8",
                        feed(imdb, "5000", served.getOrDefault(key, List.of())));
            }
            default -> send(exchange, 400, "application/xml; charset=utf-8", error(202, "No such function"));
        }
    }

    private String feed(String imdb, String category, List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
                  <channel>
                    <atom:link rel="self" type="application/rss+xml" />
                    <title>FakeIndexer</title>
                """);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String site = "http://127.0.0.1:" + port();
            String download = site + "/1/download?apikey=" + apiKey + "&link=" + i + "&file="
                    + URLEncoder.encode(item.title(), StandardCharsets.UTF_8);
            xml.append("    <item>\n")
                    .append("      <title>").append(escape(item.title())).append("</title>\n")
                    .append("      <description />\n")
                    .append("      <guid>").append(site).append("/details/").append(i).append("</guid>\n")
                    .append("      <prowlarrindexer id=\"1\" type=\"public\">FakeIndexer</prowlarrindexer>\n")
                    .append("      <comments>").append(site).append("/details/").append(i).append("</comments>\n")
                    .append("      <pubDate>").append(PUB_DATE).append("</pubDate>\n")
                    .append("      <size>").append(item.size()).append("</size>\n")
                    .append("      <link>").append(escape(download)).append("</link>\n")
                    .append("      <category>").append(category).append("</category>\n")
                    .append("      <enclosure url=\"").append(escape(download)).append("\" length=\"").append(item.size())
                    .append("\" type=\"application/x-bittorrent\" />\n");
            attr(xml, "category", category);
            attr(xml, "imdb", imdb);
            attr(xml, "seeders", Integer.toString(item.seeders()));
            attr(xml, "grabs", "0");
            attr(xml, "peers", Integer.toString(item.peers()));
            if (item.infoHash() != null) {
                attr(xml, "infohash", item.infoHash());
            }
            if (item.magnet() != null) {
                attr(xml, "magneturl", item.magnet());
            }
            attr(xml, "downloadvolumefactor", "0");
            attr(xml, "uploadvolumefactor", "1");
            xml.append("    </item>\n");
        }
        return xml.append("  </channel>\n</rss>\n").toString();
    }

    private static void attr(StringBuilder xml, String name, String value) {
        xml.append("      <torznab:attr name=\"").append(name).append("\" value=\"").append(escape(value)).append("\" />\n");
    }

    private static String error(int code, String description) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"" + code + "\" description=\""
                + escape(description) + "\" />";
    }

    private static final String CAPS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <caps>
              <server title="Prowlarr" />
              <limits default="100" max="100" />
              <searching>
                <search available="yes" supportedParams="q" />
                <tv-search available="yes" supportedParams="q,season,ep,imdbid" />
                <movie-search available="yes" supportedParams="q,imdbid" />
                <music-search available="no" supportedParams="q" />
                <audio-search available="no" supportedParams="q" />
                <book-search available="no" supportedParams="q" />
              </searching>
              <categories>
                <category id="2000" name="Movies">
                  <subcat id="2040" name="Movies/HD" />
                  <subcat id="2045" name="Movies/UHD" />
                </category>
                <category id="5000" name="TV" />
              </categories>
            </caps>
            """;

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
