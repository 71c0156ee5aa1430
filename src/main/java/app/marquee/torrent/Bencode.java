package app.marquee.torrent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader (and a minimal writer) of bencoding (BEP 3). Values decode to {@link Long}, {@code byte[]},
 * {@link List} and {@link Map} with string keys. The reader also remembers where the top-level {@code info}
 * value lies, since the info-hash is the SHA-1 of those exact bytes.
 */
final class Bencode {

    private static final int MAX_DEPTH = 64;

    private final byte[] data;
    private int pos;
    private int infoStart = -1;
    private int infoEnd = -1;

    private Bencode(byte[] data) {
        this.data = data;
    }

    /** A decoded document and the span of its top-level {@code info} value ({@code infoStart == -1} if none). */
    record Document(Object root, int infoStart, int infoEnd) {
    }

    static Document decode(byte[] data) {
        Bencode reader = new Bencode(data);
        if (data.length == 0) {
            throw new InvalidTorrentException("not a torrent: the input is empty");
        }
        Object root = reader.value(0);
        if (reader.pos != data.length) {
            throw reader.error("trailing data after the bencoded value");
        }
        return new Document(root, reader.infoStart, reader.infoEnd);
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        byte b = peek();
        return switch (b) {
            case 'i' -> integer();
            case 'l' -> list(depth);
            case 'd' -> dictionary(depth);
            default -> {
                if (b >= '0' && b <= '9') {
                    yield string();
                }
                throw error("unexpected byte 0x%02x".formatted(b & 0xff));
            }
        };
    }

    private long integer() {
        pos++;
        int start = pos;
        while (peek() != 'e') {
            pos++;
        }
        String digits = new String(data, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        if (!digits.matches("-?(0|[1-9][0-9]*)") || digits.equals("-0")) {
            throw error("bad integer '" + digits + "'");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("integer out of range '" + digits + "'");
        }
    }

    private byte[] string() {
        long length = 0;
        while (peek() != ':') {
            byte b = data[pos];
            if (b < '0' || b > '9' || length > Integer.MAX_VALUE) {
                throw error("bad string length");
            }
            length = length * 10 + (b - '0');
            pos++;
        }
        pos++;
        if (length > data.length - pos) {
            throw error("string of " + length + " bytes runs past the end");
        }
        byte[] value = new byte[(int) length];
        System.arraycopy(data, pos, value, 0, value.length);
        pos += value.length;
        return value;
    }

    private List<Object> list(int depth) {
        pos++;
        List<Object> list = new ArrayList<>();
        while (peek() != 'e') {
            list.add(value(depth + 1));
        }
        pos++;
        return list;
    }

    private Map<String, Object> dictionary(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        while (peek() != 'e') {
            if (data[pos] < '0' || data[pos] > '9') {
                throw error("dictionary key is not a string");
            }
            String key = new String(string(), StandardCharsets.UTF_8);
            int start = pos;
            Object value = value(depth + 1);
            if (depth == 0 && key.equals("info")) {
                infoStart = start;
                infoEnd = pos;
            }
            if (map.put(key, value) != null) {
                throw error("duplicate dictionary key '" + key + "'");
            }
        }
        pos++;
        return map;
    }

    private byte peek() {
        if (pos >= data.length) {
            throw error("unexpected end of data");
        }
        return data[pos];
    }

    private InvalidTorrentException error(String what) {
        return new InvalidTorrentException("malformed torrent: " + what + " at byte " + pos);
    }

    /** Writes a .torrent around a raw info dictionary: {@code announce}, {@code announce-list}, {@code info}. */
    static byte[] torrentFile(byte[] info, List<String> trackers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(info.length + 256);
        out.write('d');
        if (!trackers.isEmpty()) {
            writeString(out, "announce");
            writeString(out, trackers.getFirst());
            writeString(out, "announce-list");
            out.write('l');
            for (String tracker : trackers) {
                out.write('l');
                writeString(out, tracker);
                out.write('e');
            }
            out.write('e');
        }
        writeString(out, "info");
        out.writeBytes(info);
        out.write('e');
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }
}
