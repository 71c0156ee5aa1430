package app.marquee.sources.torznab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import app.marquee.sources.InvalidMagnetException;
import app.marquee.sources.Magnet;
import app.marquee.torrent.InfoHash;

/**
 * Reads Torznab answers: RSS 2.0 whose items carry {@code torznab:attr name= value=} elements (Torznab 1.3,
 * torznab.github.io/spec-1.3-draft; the answer shape Prowlarr and Jackett write), or a Torznab
 * {@code <error code= description=/>}. The document must be RSS (an HTML page fails); the items inside are read
 * leniently, as indexers leave fields out. Any DTD is refused, so no entity, external or internal, is resolved.
 */
final class TorznabXml {

    private static final Logger log = LoggerFactory.getLogger(TorznabXml.class);
    private static final Pattern INFO_HASH = Pattern.compile("[0-9a-fA-F]{40}");
    private static final int SNIPPET = 80;

    private TorznabXml() {
    }

    /** The answer was no list of results: its message says what it was (an indexer's error, HTML...). */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The results of a search answer that have an info-hash (their own, or their magnet's); results with
     * neither are left out (a .torrent download would tell the hash, not done yet). When {@code imdbDigits} is
     * given, results the indexer tags with another IMDb id are left out too.
     *
     * @param imdbDigits the searched IMDb id without {@code tt}, or null to keep every result
     * @throws Invalid when the body is not XML, is a Torznab error, or is XML but not RSS
     */
    static List<TorznabResult> results(String indexer, byte[] body, @Nullable String imdbDigits) {
        Element root = parse(body).getDocumentElement();
        String rootName = localName(root);
        if (rootName.equals("error")) {
            throw new Invalid("Torznab error " + root.getAttribute("code") + ": " + root.getAttribute("description"));
        }
        Element channel = rootName.equals("rss") ? child(root, "channel") : null;
        if (channel == null) {
            throw new Invalid("XML that is not an RSS answer (root element <" + rootName + ">)");
        }
        List<TorznabResult> results = new ArrayList<>();
        for (Element item : children(channel, "item")) {
            TorznabResult result = result(indexer, item, imdbDigits);
            if (result != null) {
                results.add(result);
            }
        }
        return results;
    }

    /**
     * What an endpoint can search, from its {@code t=caps} answer ({@code <searching><tv-search available="yes"
     * supportedParams="q,season,ep,imdbid"/>...}).
     *
     * @throws Invalid when the body is not XML, is a Torznab error, or is not a caps document
     */
    static TorznabCaps caps(byte[] body) {
        Element root = parse(body).getDocumentElement();
        String rootName = localName(root);
        if (rootName.equals("error")) {
            throw new Invalid("Torznab error " + root.getAttribute("code") + ": " + root.getAttribute("description"));
        }
        if (!rootName.equals("caps")) {
            throw new Invalid("XML that is not a caps answer (root element <" + rootName + ">)");
        }
        Element searching = child(root, "searching");
        return new TorznabCaps(searchParams(searching, "movie-search"), searchParams(searching, "tv-search"));
    }

    /** The parameters a search function takes; null when it is not available. */
    private static java.util.@Nullable Set<String> searchParams(@Nullable Element searching, String function) {
        Element element = searching == null ? null : child(searching, function);
        if (element == null || !"yes".equalsIgnoreCase(element.getAttribute("available").strip())) {
            return null;
        }
        java.util.Set<String> params = new java.util.TreeSet<>();
        for (String param : element.getAttribute("supportedParams").split(",")) {
            if (!param.isBlank()) {
                params.add(param.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return params;
    }

    /** A short description of a body that was not Torznab, for logs and status. */
    static String describe(byte[] body) {
        String flat = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "an empty body";
        }
        return "'" + (flat.length() > SNIPPET ? flat.substring(0, SNIPPET) + "…" : flat) + "'";
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new Invalid("an answer that is not XML (" + describe(body) + ")");
        } catch (IOException | ParserConfigurationException e) {
            throw new Invalid("an unreadable answer: " + e.getMessage());
        }
    }

    /** XXE-safe, as the OWASP XML cheat sheet has it: no DOCTYPE at all, no external anything. */
    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static @Nullable TorznabResult result(String indexer, Element item, @Nullable String imdbDigits) {
        String title = text(item, "title");
        Map<String, String> attrs = attrs(item);
        String imdb = attrs.containsKey("imdbid") ? attrs.get("imdbid") : attrs.get("imdb");
        if (imdbDigits != null && imdb != null && !imdb.isBlank() && !sameImdb(imdb, imdbDigits)) {
            log.debug("skipping Torznab result '{}' of {}: tagged IMDb {}, searched {}", title, indexer, imdb, imdbDigits);
            return null;
        }
        Element enclosure = child(item, "enclosure");
        String enclosureUrl = enclosure == null ? null : blankToNull(enclosure.getAttribute("url"));
        String link = blankToNull(text(item, "link"));
        String magnet = blankToNull(attrs.get("magneturl"));
        if (magnet == null) {
            magnet = firstMagnet(link, enclosureUrl);
        }
        InfoHash hash = infoHash(attrs.get("infohash"), magnet);
        if (hash == null) {
            log.debug("skipping Torznab result '{}' of {}: neither an info-hash nor a magnet link", title, indexer);
            return null;
        }
        Integer seeders = integer(attrs.get("seeders"));
        Integer peers = integer(attrs.get("peers"));
        Integer leechers = seeders != null && peers != null ? Math.max(0, peers - seeders) : null;
        Long size = number(text(item, "size"));
        if (size == null) {
            size = number(attrs.get("size"));
        }
        if (size == null && enclosure != null) {
            size = number(enclosure.getAttribute("length"));
        }
        return new TorznabResult(indexer, title, hash, magnet, firstHttp(enclosureUrl, link), size, seeders, leechers,
                published(text(item, "pubDate")));
    }

    private static @Nullable InfoHash infoHash(@Nullable String attr, @Nullable String magnet) {
        if (attr != null && INFO_HASH.matcher(attr.strip()).matches()) {
            return InfoHash.of(attr.strip());
        }
        if (magnet != null) {
            try {
                return Magnet.parse(magnet).infoHash();
            } catch (InvalidMagnetException e) {
                log.debug("a Torznab magnet link is unreadable: {}", e.getMessage());
            }
        }
        return null;
    }

    /** The attributes of an item by name; the first of a name wins (categories repeat). */
    private static Map<String, String> attrs(Element item) {
        Map<String, String> attrs = new HashMap<>();
        for (Element attr : children(item, "attr")) {
            attrs.putIfAbsent(attr.getAttribute("name").toLowerCase(Locale.ROOT), attr.getAttribute("value"));
        }
        return attrs;
    }

    private static boolean sameImdb(String tagged, String digits) {
        String a = tagged.strip().replaceFirst("(?i)^tt", "").replaceFirst("^0+", "");
        String b = digits.replaceFirst("^0+", "");
        return a.equals(b);
    }

    private static @Nullable String firstMagnet(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && candidate.regionMatches(true, 0, "magnet:", 0, 7)) {
                return candidate;
            }
        }
        return null;
    }

    private static @Nullable String firstHttp(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && (candidate.regionMatches(true, 0, "http://", 0, 7)
                    || candidate.regionMatches(true, 0, "https://", 0, 8))) {
                return candidate;
            }
        }
        return null;
    }

    /** RFC 822 dates as RSS 2.0 has them ({@code Thu, 14 Mar 2024 10:00:00 +0000}); null when unreadable. */
    private static @Nullable Instant published(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable Integer integer(@Nullable String text) {
        Long value = number(text);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private static @Nullable Long number(@Nullable String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().strip();
    }

    private static @Nullable Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Child elements by local name, whatever their namespace ({@code torznab:attr}, {@code newznab:attr}). */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName(element).equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    /** Parse errors end up in the thrown exception; the default handler would also print them to stderr. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };
}
