package app.marquee.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.marquee.catalog.SourceMedia;
import app.marquee.platform.ApiException;
import app.marquee.playback.internal.PlaybackPlanner.Mode;

/** The least work that makes a file playable for a client. */
class PlaybackPlannerTest {

    private static final SourceMedia.Video H264 = new SourceMedia.Video("h264", "High", 8, false, 1920, 1080, "yuv420p");
    private static final SourceMedia.Video HEVC10 = new SourceMedia.Video("hevc", "Main 10", 10, true, 3840, 2160,
            "yuv420p10le");
    private static final SourceMedia.Audio AC3_ENG = new SourceMedia.Audio(0, "ac3", 6, "5.1", "eng", null, true);
    private static final SourceMedia.Audio AAC_FRE = new SourceMedia.Audio(1, "aac", 2, "stereo", "fre", null, false);
    private static final SourceMedia.Audio AAC_ENG = new SourceMedia.Audio(0, "aac", 2, "stereo", "eng", null, true);

    private static SourceMedia file(String container, SourceMedia.Video video, SourceMedia.Audio... audio) {
        return new SourceMedia(container, 600.0, null, video, List.of(audio), List.of());
    }

    private static Mode mode(SourceMedia media, String extension, ClientCapabilities client, int track) {
        return PlaybackPlanner.plan(media, extension, client, track).mode();
    }

    @Test
    void aBrowserDirectPlaysH264AacMp4() {
        assertThat(mode(file("mov,mp4,m4a,3gp,3g2,mj2", H264, AAC_ENG), "mp4", ClientCapabilities.of(null, false), 0))
                .isEqualTo(Mode.DIRECT);
    }

    @Test
    void matroskaWithPlayableCodecsIsRemuxedUnlessTheClientPlaysMatroska() {
        SourceMedia mkv = file("matroska,webm", H264, AAC_ENG);
        assertThat(mode(mkv, "mkv", ClientCapabilities.of(null, false), 0)).isEqualTo(Mode.REMUX);
        assertThat(mode(mkv, "mkv", ClientCapabilities.of("h264,aac,mkv", false), 0)).isEqualTo(Mode.DIRECT);
    }

    @Test
    void ac3IsTranscodedForAClientWithoutItAndANonDefaultTrackIsRemuxed() {
        SourceMedia mkv = file("matroska,webm", H264, AC3_ENG, AAC_FRE);
        ClientCapabilities browser = ClientCapabilities.of("h264,aac,mp4", false);
        assertThat(mode(mkv, "mkv", browser, 0)).isEqualTo(Mode.AUDIO_TRANSCODE);
        assertThat(mode(mkv, "mkv", browser, 1)).isEqualTo(Mode.REMUX);
        assertThat(mode(mkv, "mkv", ClientCapabilities.of("h264,aac,ac3,mkv", false), 0)).isEqualTo(Mode.DIRECT);
        assertThat(mode(mkv, "mkv", ClientCapabilities.of("h264,aac,ac3,mkv", false), 1))
                .as("a player cannot switch tracks of a file it plays directly").isEqualTo(Mode.REMUX);
    }

    @Test
    void hevcIsDirectPlayedOnlyForAClientThatDecodesIt() {
        SourceMedia hevc = file("mov,mp4,m4a,3gp,3g2,mj2", HEVC10, AAC_ENG);
        assertThat(mode(hevc, "mp4", ClientCapabilities.of(null, true), 0)).isEqualTo(Mode.DIRECT);
        assertThat(mode(hevc, "mp4", ClientCapabilities.of(null, false), 0)).isEqualTo(Mode.TRANSCODE);
        SourceMedia hi10 = file("mov,mp4,m4a,3gp,3g2,mj2",
                new SourceMedia.Video("h264", "High 10", 10, false, 1280, 720, "yuv420p10le"), AAC_ENG);
        assertThat(mode(hi10, "mp4", ClientCapabilities.of(null, false), 0))
                .as("browsers decode no 10-bit H.264").isEqualTo(Mode.TRANSCODE);
    }

    @Test
    void theAudioTrackIsTheOneAskedElseTheLanguageElseTheDefault() {
        SourceMedia mkv = file("matroska,webm", H264, AC3_ENG, AAC_FRE);
        assertThat(PlaybackPlanner.audioTrack(mkv, 1, "en")).isEqualTo(1);
        assertThat(PlaybackPlanner.audioTrack(mkv, null, "fr-CA")).isEqualTo(1);
        assertThat(PlaybackPlanner.audioTrack(mkv, null, "fra")).isEqualTo(1);
        assertThat(PlaybackPlanner.audioTrack(mkv, null, "fre")).isEqualTo(1);
        assertThat(PlaybackPlanner.audioTrack(mkv, null, "en")).isEqualTo(0);
        assertThat(PlaybackPlanner.audioTrack(mkv, null, "ja")).isEqualTo(0);
        assertThat(PlaybackPlanner.audioTrack(mkv, null, null)).isEqualTo(0);
        assertThatThrownBy(() -> PlaybackPlanner.audioTrack(mkv, 2, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("Invalid audio track");
    }

    @Test
    void badCapabilitiesAreRejected() {
        assertThatThrownBy(() -> ClientCapabilities.of("h264,<script>", false)).isInstanceOf(ApiException.class);
        assertThat(ClientCapabilities.of("avc1, mp4a, hvc1, mkv", false))
                .isEqualTo(new ClientCapabilities(java.util.Set.of("h264", "aac", "hevc"), java.util.Set.of("matroska")));
    }
}
