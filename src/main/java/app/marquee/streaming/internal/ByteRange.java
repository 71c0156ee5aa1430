package app.marquee.streaming.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The byte range a request asks of a file (RFC 9110 §14): {@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}. A header that is not a single byte range is ignored (the whole file is served, as the RFC
 * allows); only the first range of a multi-range request is served.
 *
 * @param start first byte, inclusive
 * @param end last byte, inclusive
 * @param partial whether the request asked for a range (206) or not (200)
 */
record ByteRange(long start, long end, boolean partial) {

    private static final Pattern RANGE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*(,.*)?",
            Pattern.CASE_INSENSITIVE);

    /** The range cannot be served from a file of this size: answer 416. */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    long length() {
        return end - start + 1;
    }

    /**
     * @throws Unsatisfiable when the range starts at or past the end of the file, or asks for a suffix of 0
     */
    static ByteRange of(@Nullable String header, long size) throws Unsatisfiable {
        Optional<long[]> asked = parse(header);
        if (asked.isEmpty()) {
            if (size == 0) {
                throw new Unsatisfiable();
            }
            return new ByteRange(0, size - 1, false);
        }
        long first = asked.get()[0];
        long last = asked.get()[1];
        if (first < 0) { // suffix: the last n bytes
            if (last == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return new ByteRange(Math.max(0, size - last), size - 1, true);
        }
        if (first >= size) {
            throw new Unsatisfiable();
        }
        return new ByteRange(first, last < 0 ? size - 1 : Math.min(last, size - 1), true);
    }

    /** {first, last} with -1 for an absent end, or {-1, n} for a suffix; empty when not a usable range. */
    private static Optional<long[]> parse(@Nullable String header) {
        if (header == null || header.length() > 200) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                return Optional.of(new long[] {-1, Long.parseLong(m.group(2))});
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? -1 : Long.parseLong(m.group(2));
            if (last >= 0 && last < first) {
                return Optional.empty(); // syntactically invalid: ignored
            }
            return Optional.of(new long[] {first, last});
        } catch (NumberFormatException e) { // more digits than a long holds
            return Optional.empty();
        }
    }
}
