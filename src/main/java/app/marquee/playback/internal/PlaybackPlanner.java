package app.marquee.playback.internal;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import app.marquee.catalog.SourceMedia;
import app.marquee.platform.ApiException;

/**
 * Decides how a client gets a file it can play, doing the least work that suffices: direct play (the file as it
 * is), remux (the same video and audio in fragmented MP4: Matroska, or an audio track other than the default),
 * audio transcode (video copied, audio to AAC stereo: AC3, DTS, TrueHD...), or full transcode (video to 8-bit
 * H.264: HEVC for a client without it, 10-bit H.264, MPEG-4 ASP...).
 */
final class PlaybackPlanner {

    /** How a file is made playable, cheapest first. */
    enum Mode {
        DIRECT("direct"), REMUX("remux"), AUDIO_TRANSCODE("audio-transcode"), TRANSCODE("transcode");

        final String value;

        Mode(String value) {
            this.value = value;
        }

        /** Whether the mode encodes, and so counts against {@code marquee.playback.max-transcodes}. */
        boolean encodes() {
            return this == AUDIO_TRANSCODE || this == TRANSCODE;
        }

        static Mode of(String value) {
            for (Mode mode : values()) {
                if (mode.value.equals(value)) {
                    return mode;
                }
            }
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found");
        }
    }

    /** The decision: a mode, the audio track played (-1: none), and why. */
    record Plan(Mode mode, int audioTrack, String reason) {
    }

    /** Audio codecs fragmented MP4 carries as they are (others are transcoded even when the client plays them). */
    private static final Set<String> MP4_AUDIO = Set.of("aac", "mp3", "opus", "ac3", "eac3", "alac");
    private static final Set<String> MP4_VIDEO = Set.of("h264", "hevc", "av1", "vp9");
    /** ISO 639-2 bibliographic codes, which release groups use, against the terminology codes Java gives. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(Map.entry("fra", "fre"),
            Map.entry("deu", "ger"), Map.entry("nld", "dut"), Map.entry("zho", "chi"), Map.entry("ces", "cze"),
            Map.entry("ell", "gre"), Map.entry("fas", "per"), Map.entry("ron", "rum"), Map.entry("slk", "slo"),
            Map.entry("sqi", "alb"), Map.entry("hye", "arm"), Map.entry("eus", "baq"), Map.entry("mya", "bur"),
            Map.entry("kat", "geo"), Map.entry("isl", "ice"), Map.entry("mkd", "mac"), Map.entry("mri", "mao"),
            Map.entry("msa", "may"), Map.entry("bod", "tib"), Map.entry("cym", "wel"));

    private PlaybackPlanner() {
    }

    static Plan plan(SourceMedia media, @Nullable String extension, ClientCapabilities client, int audioTrack) {
        SourceMedia.Video video = media.video();
        if (video == null) {
            return new Plan(Mode.DIRECT, audioTrack, "no video track");
        }
        boolean videoPlays = client.plays(video.codec()) && MP4_VIDEO.contains(video.codec())
                && !("h264".equals(video.codec()) && video.bitDepth() != null && video.bitDepth() > 8);
        if (!videoPlays) {
            return new Plan(Mode.TRANSCODE, audioTrack, "the client cannot decode " + describe(video));
        }
        SourceMedia.Audio audio = audioTrack < 0 ? null : media.audio().get(audioTrack);
        boolean audioPlays = audio == null || client.plays(audio.codec());
        if (audioPlays && client.playsContainer(media.container(), extension)
                && (audio == null || audioTrack == defaultAudioTrack(media))) {
            return new Plan(Mode.DIRECT, audioTrack, "the client plays the file as it is");
        }
        if (audioPlays && MP4_AUDIO.contains(audio == null ? "aac" : audio.codec())) {
            return new Plan(Mode.REMUX, audioTrack, audio != null && audioTrack != defaultAudioTrack(media)
                    ? "audio track " + audioTrack + " is not the file's default"
                    : "the client does not play the " + media.container() + " container");
        }
        return new Plan(Mode.AUDIO_TRANSCODE, audioTrack, "the client cannot decode " + audio.codec() + " audio");
    }

    /**
     * The audio track to play: the one asked, else the first in the language wanted (ISO 639-1 or -2), else the
     * file's default; -1 when the file has no audio.
     *
     * @throws ApiException 400 when the track asked does not exist
     */
    static int audioTrack(SourceMedia media, @Nullable Integer asked, @Nullable String language) {
        if (asked != null) {
            if (asked < 0 || asked >= media.audio().size()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid audio track",
                        "the file has " + media.audio().size() + " audio tracks, numbered from 0");
            }
            return asked;
        }
        if (language != null) {
            Set<String> codes = languageCodes(language);
            for (SourceMedia.Audio audio : media.audio()) {
                if (audio.language() != null && codes.contains(audio.language())) {
                    return audio.track();
                }
            }
        }
        return defaultAudioTrack(media);
    }

    /** The track a player that cannot choose plays: the first marked default, else the first. */
    static int defaultAudioTrack(SourceMedia media) {
        if (media.audio().isEmpty()) {
            return -1;
        }
        return media.audio().stream().filter(SourceMedia.Audio::isDefault).findFirst()
                .orElse(media.audio().getFirst()).track();
    }

    /** {@code en}, {@code en-US}, {@code eng} → eng; {@code fr}, {@code fra}, {@code fre} → fra and fre. */
    static Set<String> languageCodes(String language) {
        String primary = language.split("[-_]")[0].toLowerCase(Locale.ROOT);
        String fromBibliographic = BIBLIOGRAPHIC.entrySet().stream().filter(entry -> entry.getValue().equals(primary))
                .map(Map.Entry::getKey).findFirst().orElse(primary);
        try {
            String terminology = Locale.of(fromBibliographic).getISO3Language();
            return terminology.isEmpty() ? Set.of(primary) : java.util.stream.Stream.of(terminology,
                    BIBLIOGRAPHIC.getOrDefault(terminology, terminology), primary).collect(Collectors.toSet());
        } catch (MissingResourceException e) {
            return Set.of(primary);
        }
    }

    private static String describe(SourceMedia.Video video) {
        return (video.bitDepth() != null && video.bitDepth() > 8 ? video.bitDepth() + "-bit " : "") + video.codec()
                + " video";
    }
}
