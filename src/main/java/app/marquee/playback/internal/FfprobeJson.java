package app.marquee.playback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.SourceMedia;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code ffprobe -print_format json -show_format -show_streams} into a {@link SourceMedia}. */
final class FfprobeJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Subtitle codecs that are pictures: they cannot become WebVTT, only be burnt in. */
    private static final Set<String> IMAGE_SUBTITLES = Set.of("hdmv_pgs_subtitle", "dvd_subtitle", "dvb_subtitle",
            "xsub", "dvb_teletext");
    /** Transfer characteristics of HDR video: PQ (HDR10, Dolby Vision) and HLG. */
    private static final Set<String> HDR_TRANSFERS = Set.of("smpte2084", "arib-std-b67");

    private FfprobeJson() {
    }

    static SourceMedia parse(String ffprobeOutput) {
        JsonNode root = JSON.readTree(ffprobeOutput);
        JsonNode format = root.path("format");
        SourceMedia.Video video = null;
        List<SourceMedia.Audio> audio = new ArrayList<>();
        List<SourceMedia.Subtitle> subtitles = new ArrayList<>();
        for (JsonNode stream : root.path("streams")) {
            String codec = stream.path("codec_name").asString("unknown");
            JsonNode tags = stream.path("tags");
            JsonNode disposition = stream.path("disposition");
            switch (stream.path("codec_type").asString("")) {
                case "video" -> {
                    if (video == null && disposition.path("attached_pic").asInt(0) == 0) {
                        video = video(stream, codec);
                    }
                }
                case "audio" -> audio.add(new SourceMedia.Audio(audio.size(), codec, integer(stream, "channels"),
                        text(stream, "channel_layout"), language(tags), text(tags, "title"),
                        disposition.path("default").asInt(0) == 1));
                case "subtitle" -> subtitles.add(new SourceMedia.Subtitle(subtitles.size(), codec, language(tags),
                        text(tags, "title"), disposition.path("forced").asInt(0) == 1 || forcedTitle(tags),
                        !IMAGE_SUBTITLES.contains(codec)));
                default -> {
                    // data and attachment streams (fonts, chapters) play no part
                }
            }
        }
        return new SourceMedia(format.path("format_name").asString("unknown"), decimal(format, "duration"),
                longValue(format, "bit_rate"), video, List.copyOf(audio), List.copyOf(subtitles));
    }

    private static SourceMedia.Video video(JsonNode stream, String codec) {
        String pixelFormat = text(stream, "pix_fmt");
        Integer bitDepth = integer(stream, "bits_per_raw_sample");
        if (bitDepth == null && pixelFormat != null) {
            bitDepth = pixelFormat.contains("12") ? 12 : pixelFormat.contains("10") ? 10 : 8;
        }
        String transfer = text(stream, "color_transfer");
        boolean hdr = transfer != null && HDR_TRANSFERS.contains(transfer);
        return new SourceMedia.Video(codec, text(stream, "profile"), bitDepth, hdr, integer(stream, "width"),
                integer(stream, "height"), pixelFormat);
    }

    /** The language tag, null when absent or "und". */
    private static @Nullable String language(JsonNode tags) {
        String language = text(tags, "language");
        return language == null || language.equalsIgnoreCase("und") ? null : language.toLowerCase(Locale.ROOT);
    }

    /** Many releases mark forced tracks only in their title. */
    private static boolean forcedTitle(JsonNode tags) {
        String title = text(tags, "title");
        return title != null && title.toLowerCase(Locale.ROOT).contains("forced");
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        String text = value.isMissingNode() || value.isNull() ? null : value.asString("");
        return text == null || text.isBlank() ? null : text;
    }

    private static @Nullable Integer integer(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Long longValue(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Double decimal(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
