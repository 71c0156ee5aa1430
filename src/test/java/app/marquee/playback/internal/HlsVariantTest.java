package app.marquee.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.marquee.catalog.SourceMedia;
import app.marquee.playback.PlaybackProperties;
import app.marquee.playback.internal.PlaybackPlanner.Mode;

/** The playlist every segment is listed in, and the ffmpeg command that makes segments from one on. */
class HlsVariantTest {

    private static final PlaybackProperties PROPERTIES = new PlaybackProperties("ffmpeg", "ffprobe", 1, "veryfast");
    private static final SourceMedia.Audio AC3 = new SourceMedia.Audio(0, "ac3", 6, "5.1", "eng", null, true);

    private static SourceMedia media(SourceMedia.Video video, double seconds) {
        return new SourceMedia("matroska,webm", seconds, null, video, List.of(AC3), List.of());
    }

    @Test
    void thePlaylistListsEverySegmentOfTheVideoWithTheLastOneShort() {
        String playlist = new HlsVariant(Mode.REMUX, 0).playlist(
                media(new SourceMedia.Video("h264", null, 8, false, 320, 180, "yuv420p"), 10.5));
        assertThat(playlist).startsWith("#EXTM3U\n").contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-MAP:URI=\"init.mp4\"",
                "#EXTINF:4.000,\n0.m4s", "#EXTINF:4.000,\n1.m4s", "#EXTINF:2.500,\n2.m4s").doesNotContain("3.m4s")
                .endsWith("#EXT-X-ENDLIST\n");
    }

    @Test
    void aSegmentIsMadeFromItsTimeWithTheTimestampsOfTheFile() {
        List<String> command = new HlsVariant(Mode.AUDIO_TRANSCODE, 0).command("ffmpeg", List.of("-user_agent", "m"),
                "http://127.0.0.1:1/api/stream/k", Path.of("/tmp/s"), 5,
                media(new SourceMedia.Video("h264", null, 8, false, 320, 180, "yuv420p"), 600), PROPERTIES);
        String line = String.join(" ", command);
        assertThat(line).contains("-ss 20 -i http://127.0.0.1:1/api/stream/k", "-map 0:v:0 -map 0:a:0",
                "-c:v copy", "-c:a aac -ac 2", "-copyts", "-start_number 5", "-hls_segment_type fmp4",
                "movflags=+frag_discont");
        assertThat(line.indexOf("-ss")).as("-ss before -i: ffmpeg seeks in the input").isLessThan(line.indexOf("-i "));
    }

    @Test
    void aFullTranscodeForcesKeyFramesAtSegmentsAndToneMapsHdr() {
        SourceMedia hdr = media(new SourceMedia.Video("hevc", "Main 10", 10, true, 3840, 2160, "yuv420p10le"), 600);
        String line = String.join(" ", new HlsVariant(Mode.TRANSCODE, 0).command("ffmpeg", List.of(),
                "http://x/api/stream/k", Path.of("/tmp/s"), 0, hdr, PROPERTIES));
        assertThat(line).contains("-c:v libx264 -preset veryfast", "-pix_fmt yuv420p",
                "-force_key_frames expr:gte(t,n_forced*4)", "tonemap=tonemap=hable").doesNotContain("-ss");
        SourceMedia sdr = media(new SourceMedia.Video("hevc", "Main", 8, false, 1920, 1080, "yuv420p"), 600);
        assertThat(String.join(" ", new HlsVariant(Mode.TRANSCODE, 0).command("ffmpeg", List.of(),
                "http://x/api/stream/k", Path.of("/tmp/s"), 0, sdr, PROPERTIES))).doesNotContain("tonemap");
    }
}
