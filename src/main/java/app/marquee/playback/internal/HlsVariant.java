package app.marquee.playback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.marquee.catalog.SourceMedia;
import app.marquee.playback.PlaybackProperties;

/**
 * One HLS rendition of a key's video: how it is made (remux, audio transcode, full transcode) and which audio track
 * it carries. Knows the ffmpeg command that makes its fragmented-MP4 segments from a given segment on.
 */
record HlsVariant(PlaybackPlanner.Mode mode, int audioTrack) {

    /** Segment length: short enough that a seek starts fast, long enough that per-segment overhead stays small. */
    static final int SEGMENT_SECONDS = 4;

    HlsVariant {
        if (mode == PlaybackPlanner.Mode.DIRECT) {
            throw new IllegalArgumentException("direct play has no HLS variant");
        }
    }

    /** The path below {@code /api/stream/:key/hls/}: {@code <mode>/<audio track>}. */
    String path() {
        return mode.value + "/" + audioTrack;
    }

    static int segmentCount(SourceMedia media) {
        double duration = media.durationSeconds() == null ? 0 : media.durationSeconds();
        return Math.max(1, (int) Math.ceil(duration / SEGMENT_SECONDS - 0.001));
    }

    /** The media playlist: every segment of the whole video, each produced when it is first asked for. */
    String playlist(SourceMedia media) {
        int segments = segmentCount(media);
        double duration = media.durationSeconds() == null ? SEGMENT_SECONDS : media.durationSeconds();
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:")
                .append(SEGMENT_SECONDS).append("\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:0\n")
                .append("#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI=\"init.mp4\"\n");
        for (int n = 0; n < segments; n++) {
            double length = Math.min(SEGMENT_SECONDS, duration - (double) n * SEGMENT_SECONDS);
            text.append(String.format(Locale.ROOT, "#EXTINF:%.3f,\n%d.m4s\n", Math.max(0.001, length), n));
        }
        return text.append("#EXT-X-ENDLIST\n").toString();
    }

    /**
     * The ffmpeg command writing segments {@code first}, {@code first+1}, ... into {@code directory}. It seeks
     * before opening the input ({@code -ss} first), so ffmpeg reads only the index and the bytes from there on;
     * timestamps stay those of the file ({@code -copyts}, and {@code frag_discont} writes them into each fragment),
     * so segments made by different runs line up behind any run's init segment.
     */
    List<String> command(String ffmpeg, List<String> marker, String input, java.nio.file.Path directory, int first,
            SourceMedia media, PlaybackProperties properties) {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "warning"));
        command.addAll(marker);
        if (first > 0) {
            command.addAll(List.of("-ss", Integer.toString(first * SEGMENT_SECONDS)));
        }
        command.addAll(List.of("-i", input, "-map", "0:v:0"));
        if (audioTrack >= 0) {
            command.addAll(List.of("-map", "0:a:" + audioTrack));
        }
        SourceMedia.Video video = media.video();
        if (mode == PlaybackPlanner.Mode.TRANSCODE) {
            if (video != null && video.hdr()) {
                // HDR (PQ/HLG) in 8-bit SDR H.264 looks washed out unless tone-mapped to BT.709
                command.addAll(List.of("-vf", "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
                        + "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p"));
            }
            command.addAll(List.of("-c:v", "libx264", "-preset", properties.preset(), "-crf", "22",
                    "-pix_fmt", "yuv420p", "-profile:v", "high",
                    // a key frame at every segment boundary (t counts from the seek point)
                    "-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")"));
        } else {
            command.addAll(List.of("-c:v", "copy"));
            if (video != null && "hevc".equals(video.codec())) {
                command.addAll(List.of("-tag:v", "hvc1")); // Apple and Chromium want hvc1 in MP4
            }
        }
        boolean copyAudio = mode == PlaybackPlanner.Mode.REMUX;
        command.addAll(copyAudio ? List.of("-c:a", "copy") : List.of("-c:a", "aac", "-ac", "2", "-b:a", "192k"));
        command.addAll(List.of("-sn", "-dn", "-copyts", "-start_at_zero", "-avoid_negative_ts", "disabled",
                "-f", "hls", "-hls_time", Integer.toString(SEGMENT_SECONDS), "-hls_segment_type", "fmp4",
                "-hls_fmp4_init_filename", "init-" + first + ".mp4",
                // tfdt carries the file's own time and the init has no run-specific edit list: every run's
                // segments then fit the one init a player keeps, on one timeline
                "-hls_segment_options", "movflags=+frag_discont", "-start_number", Integer.toString(first),
                "-hls_list_size", "0", "-hls_flags", "temp_file",
                "-hls_segment_filename", directory.resolve("%d.m4s").toString(),
                directory.resolve("ffmpeg.m3u8").toString()));
        return command;
    }
}
