package app.marquee.sources.torznab;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import app.marquee.sources.mirrors.ApiProtocol;

/**
 * How one Torznab endpoint is spoken: XML answers read as bytes (the XML declares its own encoding), a request
 * is a query appended to the endpoint's URL with the API key, and an error status may carry a Torznab
 * {@code <error>} that says why (a wrong key). The key never shows in a message.
 */
final class TorznabProtocol extends ApiProtocol<byte[]> {

    private static final String MASK = "***";

    private final @Nullable String apiKey;

    /** @param apiKey the endpoint's API key, null for none */
    TorznabProtocol(@Nullable String apiKey) {
        super(HttpResponse.BodyHandlers.ofByteArray(), "application/rss+xml, application/xml, text/xml");
        this.apiKey = apiKey;
    }

    @Override
    public URI uri(URI url, String query) {
        String key = apiKey == null ? "" : "&apikey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
        return URI.create(url + separator(url) + query + key);
    }

    @Override
    public String refused(URI url, int status, byte[] body) {
        try {
            // Prowlarr answers a wrong key with 401 and a Torznab error; Jackett too, with other statuses
            TorznabXml.results("", body, null);
        } catch (TorznabXml.Invalid e) {
            if (e.getMessage().startsWith("Torznab error")) {
                return "answered " + status + ", " + e.getMessage();
            }
        }
        return "answered " + status;
    }

    /** The text with the API key (as is, or URL-encoded) replaced by {@code ***}. */
    @Override
    public String redact(String text) {
        if (apiKey == null) {
            return text;
        }
        return text.replace(apiKey, MASK).replace(URLEncoder.encode(apiKey, StandardCharsets.UTF_8), MASK);
    }

    /** The endpoint's URL with this query, API key masked, for logs. */
    String masked(URI url, String query) {
        return url + separator(url) + query + (apiKey == null ? "" : "&apikey=" + MASK);
    }

    private static String separator(URI url) {
        return url.getRawQuery() == null ? "?" : "&";
    }
}
