package app.marquee.playback.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.marquee.catalog.SourceMedia;
import app.marquee.sources.PlayableSource;
import app.marquee.sources.PlaybackWork;
import app.marquee.sources.VideoFiles;

/**
 * {@link PlaybackWork} from the probes in {@code source_media}: the plan {@link PlaybackPlanner} would make for
 * this client, with the file's default audio track, per source that was probed. Without ffmpeg nothing can be
 * remuxed or transcoded, so nothing is estimated and the ranking keeps to the codecs releases name.
 */
@Component
class PlaybackWorkEstimate implements PlaybackWork {

    private final SourceMediaStore media;
    private final MediaTools tools;

    PlaybackWorkEstimate(SourceMediaStore media, MediaTools tools) {
        this.media = media;
        this.tools = tools;
    }

    @Override
    public Map<Long, Level> of(List<PlayableSource> sources, @Nullable String capabilities, boolean hevc) {
        ClientCapabilities client = ClientCapabilities.of(capabilities, hevc);
        if (!tools.available()) {
            return Map.of();
        }
        Map<Long, SourceMedia> probed = media.mediaOf(sources.stream().map(PlayableSource::id).toList());
        Map<Long, Level> levels = new HashMap<>();
        for (PlayableSource source : sources) {
            SourceMedia known = probed.get(source.id());
            if (known != null) {
                int audio = PlaybackPlanner.audioTrack(known, null, null);
                levels.put(source.id(), level(PlaybackPlanner.plan(known, extension(source), client, audio).mode()));
            }
        }
        return levels;
    }

    static Level level(PlaybackPlanner.Mode mode) {
        return switch (mode) {
            case DIRECT -> Level.DIRECT;
            case REMUX -> Level.REMUX;
            case AUDIO_TRANSCODE -> Level.AUDIO_TRANSCODE;
            case TRANSCODE -> Level.TRANSCODE;
        };
    }

    /** The extension of the source's video file, when its metadata is known. */
    static @Nullable String extension(PlayableSource source) {
        return source.validatedMetadata()
                .map(metadata -> source.videoFileIndex() != null ? metadata.file(source.videoFileIndex())
                        : metadata.largestFile())
                .map(file -> VideoFiles.extension(file.name()))
                .orElse(null);
    }
}
