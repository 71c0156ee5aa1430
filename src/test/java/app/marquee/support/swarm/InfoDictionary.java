package app.marquee.support.swarm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Finds a .torrent's info-hash independently of the code under test: the SHA-1 of the bytes of the top-level
 * {@code 4:info} value, found by skipping bencoded values.
 */
final class InfoDictionary {

    private InfoDictionary() {
    }

    static String sha1Hex(byte[] torrent) {
        int key = indexOf(torrent, "4:info".getBytes());
        int start = key + 6;
        int end = skip(torrent, start);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(Arrays.copyOfRange(torrent, start, end)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int skip(byte[] data, int at) {
        byte b = data[at];
        if (b == 'i') {
            while (data[at] != 'e') {
                at++;
            }
            return at + 1;
        }
        if (b == 'l' || b == 'd') {
            at++;
            while (data[at] != 'e') {
                at = skip(data, at);
            }
            return at + 1;
        }
        int colon = at;
        while (data[colon] != ':') {
            colon++;
        }
        return colon + 1 + Integer.parseInt(new String(data, at, colon - at));
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("no info dictionary");
    }
}
