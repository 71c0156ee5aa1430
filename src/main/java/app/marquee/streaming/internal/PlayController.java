package app.marquee.streaming.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.accounts.CurrentUser;
import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieSummary;
import app.marquee.network.NetworkGate;
import app.marquee.platform.ApiException;
import app.marquee.sources.PlayableSource;
import app.marquee.sources.PlaybackWork;
import app.marquee.sources.SourcesApi;
import app.marquee.streaming.StreamingApi;
import app.marquee.streaming.StreamingKeyIssued;

/**
 * {@code POST /api/movies/:tmdbId/:quality} (API.md) and {@code POST /api/shows/:id/seasons/:s/episodes/:e/:quality}:
 * picks the best source of the quality asked ({@code auto}: any), issues a streaming key bound to the user, the
 * title and that source, and starts its download so the first pieces are on their way before the player asks.
 * Route role: user.
 */
@RestController
class PlayController {

    static final Set<String> QUALITIES = Set.of("480p", "720p", "1080p", "2160p", "3D");

    private final CatalogApi catalog;
    private final SourcesApi sources;
    private final StreamingKeys keys;
    private final Downloads downloads;
    private final NetworkGate gate;
    private final ApplicationEventPublisher events;

    PlayController(CatalogApi catalog, SourcesApi sources, StreamingKeys keys, Downloads downloads,
            NetworkGate gate, ApplicationEventPublisher events) {
        this.events = events;
        this.catalog = catalog;
        this.sources = sources;
        this.keys = keys;
        this.downloads = downloads;
        this.gate = gate;
    }

    record PlayResponse(String streamingKey, @Nullable String quality, @Nullable Long size,
            @Nullable String videoCodec, @Nullable Integer broadcasters, @Nullable Integer watchers,
            Instant expiresAt) {
    }

    @Operation(summary = "Get a streaming key for a movie",
            description = "quality is auto or one of 480p, 720p, 1080p, 2160p, 3D; hevc=true when the client"
                    + " decodes HEVC; caps (or X-Playback-Capabilities) lists the codecs and containers it plays, so"
                    + " the source it plays with the least work comes first. The key plays GET /api/stream/{key} for"
                    + " about 6 h.")
    @PostMapping("/api/movies/{tmdbId}/{quality}")
    PlayResponse play(@PathVariable int tmdbId, @PathVariable String quality,
            @RequestParam(defaultValue = "false") boolean hevc, @RequestParam(required = false) @Nullable String caps,
            @RequestHeader(value = PlaybackWork.CAPABILITIES_HEADER, required = false) @Nullable String capsHeader,
            @AuthenticationPrincipal CurrentUser user) {
        if (tmdbId <= 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid id", "ids are positive TMDB ids");
        }
        String asked = quality(quality);
        MovieSummary movie = catalog.movie(tmdbId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Movie not found"));
        return play(new PlayedTitle.Movie(movie), "movie", asked, hevc, caps != null ? caps : capsHeader, user);
    }

    @Operation(summary = "Get a streaming key for an episode",
            description = "As POST /api/movies/{tmdbId}/{quality}, for episode {episode} of season {season} of the"
                    + " show {id}: from the episode's own torrents or a season pack that holds it (only the"
                    + " episode's file is downloaded).")
    @PostMapping("/api/shows/{id}/seasons/{season}/episodes/{episode}/{quality}")
    PlayResponse playEpisode(@PathVariable int id, @PathVariable int season, @PathVariable int episode,
            @PathVariable String quality, @RequestParam(defaultValue = "false") boolean hevc,
            @RequestParam(required = false) @Nullable String caps,
            @RequestHeader(value = PlaybackWork.CAPABILITIES_HEADER, required = false) @Nullable String capsHeader,
            @AuthenticationPrincipal CurrentUser user) {
        if (id <= 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid id", "ids are positive TMDB ids");
        }
        if (season < 0 || episode < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid episode",
                    "season and episode numbers are integers >= 0");
        }
        String asked = quality(quality);
        EpisodeSummary found = catalog.episode(id, season, episode);
        return play(new PlayedTitle.Episode(found), "episode", asked, hevc, caps != null ? caps : capsHeader, user);
    }

    private PlayResponse play(PlayedTitle title, String kind, @Nullable String asked, boolean hevc,
            @Nullable String capabilities, CurrentUser user) {
        gate.checkTorrentTrafficAllowed();
        List<PlayableSource> candidates = title.playable(sources, asked, hevc, capabilities);
        if (candidates.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, asked == null
                    ? "No sources available for this " + kind
                    : "No " + asked + " quality source available");
        }
        PlayableSource best = candidates.getFirst();
        StreamingKeys.Issued key = keys.issue(user.id(), title, best.id(), best.quality());
        downloads.start(best, title.label());
        events.publishEvent(new StreamingKeyIssued(key.key(), new StreamingApi.Grant(user.id(), title.movieId(),
                title.episodeId(), best.id(), key.expiresAt())));
        return new PlayResponse(key.key(), best.quality(), best.size(), best.videoCodec(), best.seeders(),
                best.leechers(), key.expiresAt());
    }

    /** The quality in canonical form, null for {@code auto}. */
    static @Nullable String quality(String quality) {
        if (quality.equalsIgnoreCase("auto")) {
            return null;
        }
        String canonical = quality.equalsIgnoreCase("3d") ? "3D" : quality.toLowerCase(Locale.ROOT);
        if (!QUALITIES.contains(canonical)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid quality",
                    "quality is auto, 480p, 720p, 1080p, 2160p or 3D");
        }
        return canonical;
    }
}
