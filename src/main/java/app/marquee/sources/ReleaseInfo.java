package app.marquee.sources;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a release's name (or an indexer's fields) says about its video, for ranking sources. Each part is
 * what is written, nothing inferred: a name without {@code 10bit} has an unknown bit depth, even when it is
 * HDR. Parts the name does not give are null (or empty, or false).
 *
 * @param quality the resolution when known; {@link Quality#THREE_D} only when 3D is all that is known
 * @param codec the video codec
 * @param hdr the HDR formats named; empty for SDR or unknown
 * @param bitDepth bits per colour sample (8, 10, 12)
 * @param source where the video was taken from
 * @param threeD whether the release is 3D (side-by-side or over-under)
 */
public record ReleaseInfo(
        @Nullable Quality quality,
        @Nullable VideoCodec codec,
        Set<Hdr> hdr,
        @Nullable Integer bitDepth,
        @Nullable Source source,
        boolean threeD) {

    /** An HDR format. */
    public enum Hdr {
        /** HDR10, and the plain "HDR" of release names, which means it */
        HDR10("HDR10"),
        HDR10_PLUS("HDR10+"),
        DOLBY_VISION("Dolby Vision"),
        HLG("HLG");

        private final String label;

        Hdr(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where a release's video comes from, best first as a rule of thumb. */
    public enum Source {
        /** A Blu-ray disc, its remux, or an encode of it named "BluRay" */
        BLURAY("BluRay"),
        /** An encode of an encode of a Blu-ray (BRRip, BDRip) */
        BRRIP("BRRip"),
        /** The streaming service's file, untouched */
        WEB_DL("WEB-DL"),
        /** A capture or re-encode of a stream */
        WEBRIP("WEBRip"),
        /** From a stream, without saying which kind (YTS's "web") */
        WEB("WEB"),
        HDTV("HDTV"),
        DVDRIP("DVDRip");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final List<Word<Quality>> QUALITIES = List.of(
            new Word<>("2160p|4k|uhd", Quality.P2160),
            new Word<>("1080[pi]", Quality.P1080),
            new Word<>("720p", Quality.P720),
            new Word<>("480p", Quality.P480));
    private static final List<Word<VideoCodec>> CODECS = List.of(
            new Word<>("[xh][ .]?264|avc", VideoCodec.X264),
            new Word<>("[xh][ .]?265|hevc", VideoCodec.X265),
            new Word<>("av1", VideoCodec.AV1));
    private static final List<Word<Hdr>> HDRS = List.of(
            new Word<>("hdr10(?:\\+|plus)", Hdr.HDR10_PLUS),
            new Word<>("hdr(?:10)?(?!\\+)", Hdr.HDR10),
            new Word<>("dv|dovi|dolby[ .-]?vision", Hdr.DOLBY_VISION),
            new Word<>("hlg", Hdr.HLG));
    private static final List<Word<Integer>> BIT_DEPTHS = List.of(
            new Word<>("10[ .-]?bits?|hi10p?", 10),
            new Word<>("12[ .-]?bits?", 12),
            new Word<>("8[ .-]?bits?", 8));
    // plain "WEB" last: it also starts "WEB-DL", and titles hold it ("Charlottes.Web.2006.DVDRip")
    private static final List<Word<Source>> SOURCES = List.of(
            new Word<>("br-?rip|bd-?rip", Source.BRRIP),
            new Word<>("blu-?ray|bd-?remux|remux|bdmv|bd25|bd50", Source.BLURAY),
            new Word<>("web[ .-]?dl", Source.WEB_DL),
            new Word<>("web[ .-]?rip", Source.WEBRIP),
            new Word<>("hdtv|pdtv", Source.HDTV),
            new Word<>("dvd[ .-]?rip", Source.DVDRIP),
            new Word<>("web", Source.WEB));
    private static final Word<Quality> THREE_D = new Word<>("3d|h-?sbs|half-?sbs|sbs|h-?ou|half-?ou", Quality.THREE_D);

    public ReleaseInfo {
        EnumSet<Hdr> formats = EnumSet.noneOf(Hdr.class);
        formats.addAll(hdr);
        hdr = Collections.unmodifiableSet(formats);
    }

    public boolean isHdr() {
        return !hdr.isEmpty();
    }

    /**
     * Reads a scene-style release name such as {@code Dune.Part.Two.2024.2160p.WEB-DL.DV.HDR10.x265-GRP}, in any
     * case, with dots, spaces, dashes, underscores or brackets between the words.
     */
    public static ReleaseInfo parse(String releaseName) {
        Quality resolution = first(QUALITIES, releaseName);
        boolean threeD = THREE_D.isIn(releaseName);
        Set<Hdr> hdr = EnumSet.noneOf(Hdr.class);
        HDRS.stream().filter(word -> word.isIn(releaseName)).forEach(word -> hdr.add(word.value()));
        return new ReleaseInfo(resolution == null && threeD ? Quality.THREE_D : resolution,
                first(CODECS, releaseName), hdr, first(BIT_DEPTHS, releaseName), first(SOURCES, releaseName), threeD);
    }

    /**
     * Reads the fields of a YTS torrent: {@code quality} ("720p", "1080p", "2160p", "3D"), {@code type} ("web",
     * "bluray"), {@code video_codec} ("x264", "x265") and {@code bit_depth} ("8", "10"). A field that is missing or
     * holds something else is left unknown.
     */
    public static ReleaseInfo ofYts(@Nullable String quality, @Nullable String type, @Nullable String videoCodec,
            @Nullable String bitDepth) {
        Quality parsedQuality = quality == null ? null : Quality.parse(quality).orElse(null);
        Source source = type == null ? null : switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "bluray" -> Source.BLURAY;
            case "web" -> Source.WEB;
            default -> null;
        };
        VideoCodec codec = videoCodec == null ? null : VideoCodec.parse(videoCodec).orElse(null);
        String depth = bitDepth == null ? "" : bitDepth.strip();
        Integer parsedDepth = depth.matches("[0-9]{1,2}") ? Integer.valueOf(depth) : null;
        return new ReleaseInfo(parsedQuality, codec, Set.of(), parsedDepth, source, parsedQuality == Quality.THREE_D);
    }

    private static <T> @Nullable T first(List<Word<T>> words, String releaseName) {
        return words.stream().filter(word -> word.isIn(releaseName)).map(Word::value).findFirst().orElse(null);
    }

    /** A word of a release name, in any case, not preceded or followed by a letter or digit; what it means. */
    private record Word<T>(Pattern pattern, T value) {

        Word(String regex, T value) {
            this(Pattern.compile("(?<![a-z0-9])(?:" + regex + ")(?![a-z0-9])", Pattern.CASE_INSENSITIVE), value);
        }

        boolean isIn(String releaseName) {
            return pattern.matcher(releaseName).find();
        }
    }
}
