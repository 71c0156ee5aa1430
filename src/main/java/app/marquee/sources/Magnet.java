package app.marquee.sources;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import app.marquee.torrent.InfoHash;

/**
 * A BitTorrent magnet link (BEP 9): the info-hash, and what helps to find the torrent's metadata.
 *
 * <p>Only the parameters Marquee uses are kept: {@code xt=urn:btih:} (hex or base32), {@code dn}, {@code tr}
 * and {@code xl}; others are ignored when parsing. Immutable and thread-safe.
 *
 * @param infoHash the BitTorrent v1 info-hash
 * @param displayName the name to show until the metadata is known; null when the link has none
 * @param trackers announce URLs, without duplicates, in the link's order
 * @param exactLength the content's size in bytes; null when the link does not say
 */
public record Magnet(
        InfoHash infoHash, @Nullable String displayName, List<String> trackers, @Nullable Long exactLength) {

    /** Longer strings are refused before they are parsed: real magnets are a few hundred characters. */
    static final int MAX_LENGTH = 8 * 1024;

    private static final String PREFIX = "magnet:?";
    private static final String BTIH = "urn:btih:";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** @throws IllegalArgumentException when {@code exactLength} is negative */
    public Magnet {
        Objects.requireNonNull(infoHash, "infoHash");
        trackers = List.copyOf(new LinkedHashSet<>(trackers));
        if (exactLength != null && exactLength < 0) {
            throw new IllegalArgumentException("a magnet's exact length cannot be negative: " + exactLength);
        }
    }

    /** A magnet without an exact length. */
    public static Magnet of(InfoHash infoHash, String displayName, List<String> trackers) {
        return new Magnet(infoHash, displayName, trackers, null);
    }

    /**
     * The link: {@code magnet:?xt=urn:btih:<40 hex>}, then {@code dn}, {@code xl} and one {@code tr} per tracker
     * when present, values percent-encoded as UTF-8 (every byte but the RFC 3986 unreserved characters).
     */
    public String toUri() {
        StringBuilder uri = new StringBuilder(PREFIX).append("xt=").append(BTIH).append(infoHash.hex());
        if (displayName != null) {
            uri.append("&dn=").append(encode(displayName));
        }
        if (exactLength != null) {
            uri.append("&xl=").append(exactLength);
        }
        for (String tracker : trackers) {
            uri.append("&tr=").append(encode(tracker));
        }
        return uri.toString();
    }

    @Override
    public String toString() {
        return toUri();
    }

    /**
     * Parses a magnet link. The scheme, parameter names and the {@code urn:btih:} prefix are read in any case;
     * values are percent-decoded as UTF-8, with {@code +} read as a space (as browsers and most indexers write
     * it). The first {@code dn} is kept; empty {@code tr} values are skipped.
     *
     * @throws InvalidMagnetException when the string is longer than 8 KiB, not a magnet link, has no
     *     {@code btih} info-hash or two different ones, a hash of the wrong length or alphabet, an {@code xl}
     *     that is not a non-negative number, or a bad percent-escape; the message says which
     */
    public static Magnet parse(String uri) {
        if (uri.length() > MAX_LENGTH) {
            throw new InvalidMagnetException("a magnet link is at most " + MAX_LENGTH + " characters; this one has "
                    + uri.length());
        }
        if (!uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new InvalidMagnetException("not a magnet link: it does not start with 'magnet:?'");
        }
        InfoHash hash = null;
        String name = null;
        Long length = null;
        List<String> trackers = new ArrayList<>();
        for (String parameter : uri.substring(PREFIX.length()).split("&")) {
            int equals = parameter.indexOf('=');
            if (parameter.isEmpty() || equals < 0) {
                continue;
            }
            String key = parameter.substring(0, equals).toLowerCase(Locale.ROOT);
            String raw = parameter.substring(equals + 1);
            switch (key) {
                case "xt" -> {
                    String value = decode(key, raw);
                    if (value.regionMatches(true, 0, BTIH, 0, BTIH.length())) {
                        InfoHash next = infoHash(value.substring(BTIH.length()));
                        if (hash != null && !hash.equals(next)) {
                            throw new InvalidMagnetException("the magnet link names two different info-hashes: "
                                    + hash.hex() + " and " + next.hex());
                        }
                        hash = next;
                    }
                }
                case "dn" -> name = name != null ? name : decode(key, raw);
                case "tr" -> {
                    String tracker = decode(key, raw);
                    if (!tracker.isEmpty()) {
                        trackers.add(tracker);
                    }
                }
                case "xl" -> {
                    long next = exactLength(decode(key, raw));
                    if (length != null && length != next) {
                        throw new InvalidMagnetException("the magnet link gives two different lengths (xl): " + length
                                + " and " + next);
                    }
                    length = next;
                }
                default -> {
                    // BEP 9 and its extensions define more (ws, as, x.pe, so, btmh); Marquee does not use them
                }
            }
        }
        if (hash == null) {
            throw new InvalidMagnetException("the magnet link has no BitTorrent info-hash (xt=urn:btih:…)");
        }
        return new Magnet(hash, name, trackers, length);
    }

    /** 40 hex digits, or 32 base32 characters (older clients and some indexers use base32). */
    private static InfoHash infoHash(String value) {
        if (value.length() == 40) {
            if (!value.chars().allMatch(c -> hexDigit((char) c) >= 0)) {
                throw new InvalidMagnetException("the 40-character info-hash is not hexadecimal: '" + value + "'");
            }
            return InfoHash.of(value);
        }
        if (value.length() == 32) {
            return InfoHash.of(base32(value));
        }
        throw new InvalidMagnetException("the info-hash must be 40 hexadecimal digits or 32 base32 characters, not "
                + value.length() + " characters: '" + abbreviate(value) + "'");
    }

    /** RFC 4648 base32 without padding: 32 characters are exactly the 160 bits of a SHA-1. */
    private static byte[] base32(String value) {
        byte[] bytes = new byte[20];
        long buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : value.toUpperCase(Locale.ROOT).toCharArray()) {
            int digit = BASE32.indexOf(c);
            if (digit < 0) {
                throw new InvalidMagnetException(
                        "the 32-character info-hash is not base32 (A–Z, 2–7): '" + value + "'");
            }
            buffer = buffer << 5 | digit;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                bytes[index++] = (byte) (buffer >> bits);
            }
        }
        return bytes;
    }

    private static long exactLength(String value) {
        if (!value.matches("[0-9]{1,18}")) {
            throw new InvalidMagnetException("xl (exact length) must be a non-negative number of bytes, not '"
                    + abbreviate(value) + "'");
        }
        return Long.parseLong(value);
    }

    private static String decode(String key, String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? hexDigit(raw.charAt(i + 1)) : -1;
                int low = high >= 0 ? hexDigit(raw.charAt(i + 2)) : -1;
                if (low < 0) {
                    throw new InvalidMagnetException("bad percent-escape '"
                            + raw.substring(i, Math.min(raw.length(), i + 3)) + "' in " + key);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                // a pasted link may hold unescaped text: keep whole code points, surrogate pairs included
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidMagnetException("the percent-escapes of " + key + " are not UTF-8");
        }
    }

    /** The value of an ASCII hex digit, -1 for anything else (also for the other Unicode digits). */
    private static int hexDigit(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() * 3 / 2);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
