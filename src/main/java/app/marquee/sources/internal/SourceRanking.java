package app.marquee.sources.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import app.marquee.sources.PlaybackWork;

/**
 * The order in which sources are offered and the "best" one picked: quality (as asked; for {@code auto},
 * 1080p, then 720p, then 2160p — four times the bytes and mostly HEVC —, then 480p, then 3D), then how much work
 * the client's playback takes (known once a source was probed, else guessed from its codec), then whether anyone
 * seeds it, then validated metadata, then seeders, then size.
 */
final class SourceRanking {

    private static final List<String> AUTO_QUALITY_ORDER = List.of("1080p", "720p", "2160p", "480p", "3D");
    private static final Set<String> HEVC = Set.of("x265", "h265", "hevc");

    private SourceRanking() {
    }

    /** Whether a browser without HEVC support decodes this codec (unknown codecs are given the benefit). */
    static boolean playable(@Nullable String codec, boolean hevc) {
        return hevc || codec == null || !HEVC.contains(codec.toLowerCase(Locale.ROOT));
    }

    static Comparator<TorrentSource> order(boolean hevc) {
        return order(hevc, Map.of());
    }

    /**
     * As {@link #order(boolean)}, with what the client's playback of probed sources takes in place of the codec
     * guess: direct play first, then a source not probed whose codec it plays, then remux, audio transcode, and
     * last a full transcode or a codec it does not play.
     */
    static Comparator<TorrentSource> order(boolean hevc, Map<Long, PlaybackWork.Level> work) {
        return Comparator.<TorrentSource>comparingInt(s -> qualityRank(s.quality()))
                .thenComparingInt(s -> workRank(work.get(s.id()), playable(s.videoCodec(), hevc)))
                .thenComparing(s -> s.seeders() != null && s.seeders() == 0)
                .thenComparing(s -> s.metadataStatus() != TorrentSource.MetadataStatus.VALID)
                .thenComparing(s -> s.seeders() == null ? 0 : s.seeders(), Comparator.reverseOrder())
                .thenComparing(s -> s.sizeBytes() == null ? Long.MAX_VALUE : s.sizeBytes())
                .thenComparing(TorrentSource::id);
    }

    private static int workRank(PlaybackWork.@Nullable Level known, boolean codecPlays) {
        if (known == null) {
            return codecPlays ? 1 : 6;
        }
        return switch (known) {
            case DIRECT -> 0;
            case REMUX -> 2;
            case AUDIO_TRANSCODE -> 4;
            case TRANSCODE -> 6;
        };
    }

    private static int qualityRank(@Nullable String quality) {
        int at = quality == null ? -1 : AUTO_QUALITY_ORDER.indexOf(quality);
        return at < 0 ? AUTO_QUALITY_ORDER.size() : at;
    }
}
