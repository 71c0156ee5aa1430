package app.marquee.torrent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a torrent's metadata says: its info-hash, name, pieces and files, plus the complete .torrent bytes so it
 * can be stored and added again later without asking peers.
 *
 * <p>Parsing is pure Java and strict, so malformed input is rejected with a message that says what is wrong and
 * at which byte; file paths are given exactly as the torrent has them (not sanitised), for validators.
 * Only BitTorrent v1 (and hybrid) torrents are accepted; the info-hash is the SHA-1 of the info dictionary.
 *
 * @param infoHash SHA-1 of the bencoded info dictionary
 * @param name the torrent's name (its single file, or its top directory)
 * @param pieceLength bytes per piece (the last piece may be shorter)
 * @param pieceCount number of pieces
 * @param totalSize bytes of all files, padding included
 * @param files the files in info-dictionary order, BEP 47 padding files left out
 * @param trackers announce URLs from {@code announce} and {@code announce-list}, without duplicates
 * @param torrentFile a complete bencoded .torrent: the input for {@link #parse}, built around the info
 *     dictionary for {@link #fromInfoDictionary}
 */
public record TorrentMetadata(
        InfoHash infoHash,
        String name,
        int pieceLength,
        int pieceCount,
        long totalSize,
        List<TorrentFile> files,
        List<String> trackers,
        byte[] torrentFile) {

    public TorrentMetadata {
        files = List.copyOf(files);
        trackers = List.copyOf(trackers);
        torrentFile = torrentFile.clone();
    }

    /**
     * Parses a .torrent file.
     *
     * @throws InvalidTorrentException when the bytes are not a usable v1 torrent; the message says why
     */
    public static TorrentMetadata parse(byte[] torrentFile) {
        Bencode.Document document = Bencode.decode(torrentFile);
        if (!(document.root() instanceof Map<?, ?> root)) {
            throw new InvalidTorrentException("malformed torrent: the top level is not a dictionary");
        }
        if (!(root.get("info") instanceof Map<?, ?> info)) {
            throw new InvalidTorrentException("malformed torrent: no info dictionary");
        }
        byte[] infoBytes = Arrays.copyOfRange(torrentFile, document.infoStart(), document.infoEnd());
        try {
            return fromParts(info, infoBytes, trackers(root), torrentFile);
        } catch (ArithmeticException e) {
            throw new InvalidTorrentException("malformed torrent: file sizes overflow", e);
        }
    }

    /**
     * Builds metadata from a raw info dictionary, as BEP 9 metadata exchange delivers it, and trackers (from a
     * magnet); {@link #torrentFile()} is then a .torrent made of both.
     *
     * @throws InvalidTorrentException when the bytes are not a usable v1 info dictionary
     */
    public static TorrentMetadata fromInfoDictionary(byte[] info, List<String> trackers) {
        return parse(Bencode.torrentFile(info, List.copyOf(new LinkedHashSet<>(trackers))));
    }

    /** The file of that index. @throws IllegalArgumentException when there is none (or it is padding) */
    public TorrentFile file(int index) {
        return files.stream().filter(f -> f.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("torrent " + infoHash + " has no file " + index));
    }

    /** The biggest file, the video in a typical movie torrent. */
    public TorrentFile largestFile() {
        return files.stream().max(Comparator.comparingLong(TorrentFile::size)).orElseThrow();
    }

    /** The pieces the file of that index lies in. */
    public PieceSpan pieces(int fileIndex) {
        return file(fileIndex).pieces(pieceLength);
    }

    /** The pieces holding {@code length} bytes from {@code offset} of a file; {@code length} at least 1. */
    public PieceSpan pieces(int fileIndex, long offset, long length) {
        TorrentFile file = file(fileIndex);
        if (offset < 0 || length < 1 || offset + length > file.size()) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " is outside file " + fileIndex
                    + " of " + file.size() + " bytes");
        }
        long start = file.offset() + offset;
        return new PieceSpan((int) (start / pieceLength), (int) ((start + length - 1) / pieceLength));
    }

    private static TorrentMetadata fromParts(Map<?, ?> info, byte[] infoBytes, List<String> trackers, byte[] torrent) {
        String name = text(info, "name");
        if (name == null || name.isEmpty()) {
            throw new InvalidTorrentException("malformed torrent: the info dictionary has no name");
        }
        long pieceLength = number(info, "piece length");
        if (pieceLength < 16 * 1024 || pieceLength > 256L * 1024 * 1024 || Long.bitCount(pieceLength) != 1) {
            throw new InvalidTorrentException("malformed torrent: piece length " + pieceLength
                    + " is not a power of two between 16 KiB and 256 MiB");
        }
        if (!(info.get("pieces") instanceof byte[] hashes)) {
            throw new InvalidTorrentException(info.containsKey("meta version")
                    ? "unsupported torrent: BitTorrent v2-only torrents are not supported (no v1 piece hashes)"
                    : "malformed torrent: the info dictionary has no piece hashes");
        }
        if (hashes.length == 0 || hashes.length % 20 != 0) {
            throw new InvalidTorrentException("malformed torrent: piece hashes are " + hashes.length
                    + " bytes, not a multiple of 20");
        }
        List<TorrentFile> files = files(info, name);
        long total = info.containsKey("length") ? files.getFirst().size() : sumOfLengths(info);
        int pieces = hashes.length / 20;
        if ((total + pieceLength - 1) / pieceLength != pieces) {
            throw new InvalidTorrentException("malformed torrent: " + pieces + " piece hashes for " + total
                    + " bytes in pieces of " + pieceLength);
        }
        return new TorrentMetadata(InfoHash.of(sha1(infoBytes)), name, (int) pieceLength, pieces, total, files,
                trackers, torrent);
    }

    private static List<TorrentFile> files(Map<?, ?> info, String name) {
        if (info.containsKey("length")) {
            long length = number(info, "length");
            if (length < 0) {
                throw new InvalidTorrentException("malformed torrent: negative length");
            }
            return List.of(new TorrentFile(0, List.of(name), length, 0));
        }
        if (!(info.get("files") instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidTorrentException("malformed torrent: neither a length nor a list of files");
        }
        List<TorrentFile> files = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new InvalidTorrentException("malformed torrent: file " + i + " is not a dictionary");
            }
            long length = number(entry, "length");
            if (length < 0) {
                throw new InvalidTorrentException("malformed torrent: file " + i + " has a negative length");
            }
            List<String> path = path(entry, i);
            boolean padding = entry.get("attr") instanceof byte[] attr
                    && new String(attr, StandardCharsets.US_ASCII).contains("p");
            if (!padding) {
                List<String> full = new ArrayList<>(path.size() + 1);
                full.add(name);
                full.addAll(path);
                files.add(new TorrentFile(i, full, length, offset));
            }
            offset = Math.addExact(offset, length);
        }
        if (files.isEmpty()) {
            throw new InvalidTorrentException("malformed torrent: only padding files");
        }
        return files;
    }

    /** All bytes of a multi-file torrent, trailing padding files (which {@link #files} leaves out) included. */
    private static long sumOfLengths(Map<?, ?> info) {
        long end = 0;
        for (Object entry : (List<?>) info.get("files")) {
            end = Math.addExact(end, number((Map<?, ?>) entry, "length"));
        }
        return end;
    }

    private static List<String> path(Map<?, ?> entry, int index) {
        Object raw = entry.containsKey("path.utf-8") ? entry.get("path.utf-8") : entry.get("path");
        if (!(raw instanceof List<?> segments) || segments.isEmpty()) {
            throw new InvalidTorrentException("malformed torrent: file " + index + " has no path");
        }
        List<String> path = new ArrayList<>(segments.size());
        for (Object segment : segments) {
            if (!(segment instanceof byte[] bytes)) {
                throw new InvalidTorrentException("malformed torrent: file " + index + " has a non-string path");
            }
            path.add(new String(bytes, StandardCharsets.UTF_8));
        }
        return path;
    }

    private static List<String> trackers(Map<?, ?> root) {
        Set<String> trackers = new LinkedHashSet<>();
        if (root.get("announce") instanceof byte[] announce) {
            trackers.add(new String(announce, StandardCharsets.UTF_8));
        }
        if (root.get("announce-list") instanceof List<?> tiers) {
            for (Object tier : tiers) {
                if (tier instanceof List<?> urls) {
                    for (Object url : urls) {
                        if (url instanceof byte[] bytes) {
                            trackers.add(new String(bytes, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        trackers.removeIf(String::isBlank);
        return List.copyOf(trackers);
    }

    private static @Nullable String text(Map<?, ?> map, String key) {
        Object value = map.containsKey(key + ".utf-8") ? map.get(key + ".utf-8") : map.get(key);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
    }

    private static long number(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof Long value)) {
            throw new InvalidTorrentException("malformed torrent: '" + key + "' is missing or not an integer");
        }
        return value;
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TorrentMetadata that && infoHash.equals(that.infoHash)
                && Arrays.equals(torrentFile, that.torrentFile);
    }

    @Override
    public int hashCode() {
        return infoHash.hashCode();
    }

    @Override
    public String toString() {
        return "TorrentMetadata[" + infoHash + " '" + name + "', " + files.size() + " files, " + pieceCount
                + " pieces of " + pieceLength + "]";
    }

    /** The .torrent bytes; a copy. */
    @Override
    public byte[] torrentFile() {
        return torrentFile.clone();
    }
}
