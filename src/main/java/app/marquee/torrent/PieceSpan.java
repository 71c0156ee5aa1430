package app.marquee.torrent;

/**
 * The pieces a file (or a byte range) covers: {@code first..last}, both inclusive. An empty file covers none
 * ({@link #count()} is 0, {@code last < first}).
 */
public record PieceSpan(int first, int last) {

    public PieceSpan {
        if (first < 0 || last < first - 1) {
            throw new IllegalArgumentException("bad piece span " + first + ".." + last);
        }
    }

    public int count() {
        return last - first + 1;
    }

    public boolean contains(int piece) {
        return piece >= first && piece <= last;
    }
}
