package app.marquee.playback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Media tools and their CPU budget ({@code marquee.playback.*}, CONFIG.md). Paths to programs are set only by
 * file, environment or argument.
 *
 * @param ffmpeg the ffmpeg program (a name looked up on PATH, or a path)
 * @param ffprobe the ffprobe program
 * @param maxTranscodes how many ffmpeg processes may encode video or audio at once; remuxes are cheap and not counted
 * @param preset the x264 preset of full transcodes
 */
@Validated
@ConfigurationProperties(prefix = "marquee.playback", ignoreUnknownFields = false)
public record PlaybackProperties(
        @NotBlank @DefaultValue("ffmpeg") String ffmpeg,
        @NotBlank @DefaultValue("ffprobe") String ffprobe,
        @Min(0) @Max(64) @DefaultValue("1") int maxTranscodes,
        @NotBlank @Pattern(regexp = "ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow")
        @DefaultValue("veryfast") String preset) {
}
