package app.marquee.sources.tracker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict bencode reader (BEP 3) for tracker answers. {@code torrent}'s reader is not part of its API,
 * and a scrape answer needs less: byte strings are kept as ISO-8859-1 {@link String}s, one char per byte, so
 * that the 20-byte info-hash keys of {@code files} survive; integers are {@link Long}s.
 */
final class ScrapeBencode {

    private static final int MAX_DEPTH = 32;

    private final byte[] data;
    private int pos;

    private ScrapeBencode(byte[] data) {
        this.data = data;
    }

    /** @throws IllegalArgumentException when the bytes are not one bencoded value; the message says where */
    static Object decode(byte[] data) {
        ScrapeBencode reader = new ScrapeBencode(data);
        Object value = reader.value(0);
        if (reader.pos != data.length) {
            throw reader.error("trailing data");
        }
        return value;
    }

    /** The bytes of a decoded string. */
    static byte[] bytes(String decoded) {
        return decoded.getBytes(StandardCharsets.ISO_8859_1);
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        byte b = peek();
        if (b == 'i') {
            pos++;
            return integer('e');
        }
        if (b == 'l') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (peek() != 'e') {
                list.add(value(depth + 1));
            }
            pos++;
            return list;
        }
        if (b == 'd') {
            pos++;
            Map<String, Object> dictionary = new LinkedHashMap<>();
            while (peek() != 'e') {
                if (peek() < '0' || peek() > '9') {
                    throw error("a dictionary key that is not a string");
                }
                dictionary.put(string(), value(depth + 1));
            }
            pos++;
            return dictionary;
        }
        if (b >= '0' && b <= '9') {
            return string();
        }
        throw error("unexpected byte 0x%02x".formatted(b & 0xff));
    }

    private String string() {
        long length = integer(':');
        if (length < 0 || length > data.length - pos) {
            throw error("a string of " + length + " bytes runs past the end");
        }
        String value = new String(data, pos, (int) length, StandardCharsets.ISO_8859_1);
        pos += (int) length;
        return value;
    }

    private long integer(char end) {
        int start = pos;
        while (peek() != end) {
            pos++;
        }
        String digits = new String(data, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        if (!digits.matches("-?(0|[1-9][0-9]{0,17})") || digits.equals("-0")) {
            throw error("bad integer '" + digits + "'");
        }
        return Long.parseLong(digits);
    }

    private byte peek() {
        if (pos >= data.length) {
            throw error("unexpected end");
        }
        return data[pos];
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed bencode: " + what + " at byte " + pos);
    }
}
