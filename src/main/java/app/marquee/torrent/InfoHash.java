package app.marquee.torrent;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A BitTorrent v1 info-hash: the SHA-1 of a torrent's bencoded info dictionary, as 40 lower-case hex digits.
 *
 * @param hex 40 hexadecimal digits, either case on input, kept in lower case
 * @throws IllegalArgumentException when {@code hex} is not 40 hexadecimal digits
 */
public record InfoHash(String hex) {

    private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");

    public InfoHash {
        Objects.requireNonNull(hex, "hex");
        hex = hex.toLowerCase(Locale.ROOT);
        if (!HEX40.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                    "an info-hash is 40 hexadecimal digits (BitTorrent v1 SHA-1), not '" + abbreviate(hex) + "'");
        }
    }

    /** Parses 40 hex digits; see the constructor for what is thrown. */
    public static InfoHash of(String hex) {
        return new InfoHash(hex);
    }

    /** The hash of 20 raw SHA-1 bytes. */
    public static InfoHash of(byte[] sha1) {
        if (sha1.length != 20) {
            throw new IllegalArgumentException("a SHA-1 info-hash has 20 bytes, not " + sha1.length);
        }
        return new InfoHash(HexFormat.of().formatHex(sha1));
    }

    /** The 20 raw bytes. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
