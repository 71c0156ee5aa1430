package app.marquee.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import app.marquee.catalog.SourceMedia;

/** ffprobe's JSON (captured from ffmpeg-made files) read into what the API shows. */
class FfprobeJsonTest {

    @Test
    void matroskaWithTwoAudioLanguagesAndSubRipIsRead() throws IOException {
        SourceMedia media = FfprobeJson.parse(resource("ffprobe-h264-ac3-aac-srt.mkv.json"));

        assertThat(media.container()).isEqualTo("matroska,webm");
        assertThat(media.durationSeconds()).isBetween(19.9, 20.1);
        assertThat(media.video()).isEqualTo(new SourceMedia.Video("h264", "Constrained Baseline", 8, false, 320, 180,
                "yuv420p"));
        assertThat(media.audio()).containsExactly(
                new SourceMedia.Audio(0, "ac3", 6, "5.1(side)", "eng", null, true),
                new SourceMedia.Audio(1, "aac", 2, "stereo", "fre", null, false));
        assertThat(media.subtitles()).containsExactly(new SourceMedia.Subtitle(0, "subrip", "eng", null, false, true));
    }

    @Test
    void tenBitHdrHevcIsRecognised() throws IOException {
        SourceMedia media = FfprobeJson.parse(resource("ffprobe-hevc10-hdr-eac3.mkv.json"));

        assertThat(media.video()).isNotNull();
        assertThat(media.video().codec()).isEqualTo("hevc");
        assertThat(media.video().profile()).isEqualTo("Main 10");
        assertThat(media.video().bitDepth()).isEqualTo(10);
        assertThat(media.video().hdr()).isTrue();
        assertThat(media.audio()).singleElement().satisfies(audio -> {
            assertThat(audio.codec()).isEqualTo("eac3");
            assertThat(audio.language()).isEqualTo("ger");
        });
    }

    @Test
    void imageSubtitlesAndForcedTitlesAreMarked() {
        SourceMedia media = FfprobeJson.parse("""
                {"streams": [
                  {"codec_type": "subtitle", "codec_name": "hdmv_pgs_subtitle", "tags": {"language": "spa"}},
                  {"codec_type": "subtitle", "codec_name": "ass", "tags": {"language": "eng", "title": "Forced"}},
                  {"codec_type": "subtitle", "codec_name": "mov_text", "disposition": {"forced": 1}, "tags": {"language": "und"}}
                ], "format": {"format_name": "matroska,webm"}}""");

        assertThat(media.video()).isNull();
        assertThat(media.durationSeconds()).isNull();
        assertThat(media.subtitles()).containsExactly(
                new SourceMedia.Subtitle(0, "hdmv_pgs_subtitle", "spa", null, false, false),
                new SourceMedia.Subtitle(1, "ass", "eng", "Forced", true, true),
                new SourceMedia.Subtitle(2, "mov_text", null, null, true, true));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FfprobeJsonTest.class.getResourceAsStream("/playback/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
