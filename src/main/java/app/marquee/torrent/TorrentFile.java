package app.marquee.torrent;

import java.util.List;

/**
 * One file of a torrent as its metadata names it.
 *
 * @param index the file's index in the info dictionary, the number the engine's file operations take
 *     (padding files of BEP 47 keep their index but are not listed)
 * @param path the path segments exactly as the torrent gives them, torrent name first for a multi-file
 *     torrent; they are not sanitised here, so a validator can reject {@code ..} or absolute segments
 * @param size bytes
 * @param offset where the file starts in the torrent's concatenated data
 */
public record TorrentFile(int index, List<String> path, long size, long offset) {

    public TorrentFile {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("file " + index + " has no path");
        }
    }

    /** The last path segment. */
    public String name() {
        return path.getLast();
    }

    /** The pieces this file's bytes lie in, for a torrent of {@code pieceLength}. */
    public PieceSpan pieces(int pieceLength) {
        if (size == 0) {
            int at = (int) (offset / pieceLength);
            return new PieceSpan(at, at - 1);
        }
        return new PieceSpan((int) (offset / pieceLength), (int) ((offset + size - 1) / pieceLength));
    }
}
