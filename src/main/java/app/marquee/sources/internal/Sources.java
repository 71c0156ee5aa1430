package app.marquee.sources.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import app.marquee.catalog.MovieSourceDto;
import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.SourceLookup;
import app.marquee.catalog.MovieSummary;
import app.marquee.network.NetworkGate;
import app.marquee.platform.ApiException;
import app.marquee.sources.PlayableSource;
import app.marquee.sources.PlaybackWork;
import app.marquee.sources.SourcesApi;
import app.marquee.sources.SourcesProperties;
import app.marquee.torrent.InfoHash;
import app.marquee.torrent.InvalidTorrentException;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

/**
 * The module's facade: sources for {@code includeSources} ({@link SourceLookup}) and for playing
 * ({@link SourcesApi}). A title (movie or episode) never searched is searched on demand, waiting at most
 * {@code marquee.sources.on-demand-wait}; the search goes on in the background when the wait ends first.
 */
@Service
class Sources implements SourceLookup, SourcesApi {

    private static final Logger log = LoggerFactory.getLogger(Sources.class);

    private final SourceStore store;
    private final SourceSearch search;
    private final NetworkGate gate;
    private final SourcesProperties properties;
    private final MetadataCheck check;
    private final ObjectProvider<PlaybackWork> playbackWork;

    Sources(SourceStore store, SourceSearch search, NetworkGate gate, SourcesProperties properties,
            MetadataCheck check, ObjectProvider<PlaybackWork> playbackWork) {
        this.check = check;
        this.playbackWork = playbackWork;
        this.store = store;
        this.search = search;
        this.gate = gate;
        this.properties = properties;
    }

    @Override
    public List<MovieSourceDto> sourcesFor(MovieSummary movie) {
        return sourcesFor(SearchedTitle.of(movie));
    }

    @Override
    public List<MovieSourceDto> sourcesFor(EpisodeSummary episode) {
        return sourcesFor(SearchedTitle.of(episode));
    }

    private List<MovieSourceDto> sourcesFor(SearchedTitle title) {
        searchIfNeverSearched(title);
        return store.of(title.owner()).stream()
                .filter(source -> source.metadataStatus() != TorrentSource.MetadataStatus.REJECTED)
                .sorted(SourceRanking.order(false))
                .map(Sources::dto)
                .toList();
    }

    @Override
    public List<PlayableSource> playable(MovieSummary movie, @Nullable String quality, boolean hevc,
            @Nullable String capabilities) {
        return playable(SearchedTitle.of(movie), quality, hevc, capabilities);
    }

    @Override
    public List<PlayableSource> playable(EpisodeSummary episode, @Nullable String quality, boolean hevc,
            @Nullable String capabilities) {
        return playable(SearchedTitle.of(episode), quality, hevc, capabilities);
    }

    private List<PlayableSource> playable(SearchedTitle title, @Nullable String quality, boolean hevc,
            @Nullable String capabilities) {
        boolean indexersDown = searchIfNeverSearched(title) instanceof IndexersUnavailableException;
        List<TorrentSource> stored = store.of(title.owner());
        if (stored.isEmpty() && indexersDown) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Sources temporarily unavailable",
                    "no indexer answered the search for this title; try again in a minute");
        }
        List<TorrentSource> candidates = stored.stream()
                .filter(source -> source.metadataStatus() != TorrentSource.MetadataStatus.REJECTED)
                .filter(source -> quality == null || quality.equalsIgnoreCase(source.quality()))
                .toList();
        Map<Long, PlayableSource> playables = new LinkedHashMap<>();
        candidates.forEach(source -> playables.put(source.id(), playable(source)));
        PlaybackWork estimate = playbackWork.getIfAvailable();
        Map<Long, PlaybackWork.Level> work = estimate == null || playables.isEmpty() ? Map.of()
                : estimate.of(List.copyOf(playables.values()), capabilities, hevc);
        return candidates.stream()
                .sorted(SourceRanking.order(hevc, work))
                .map(source -> playables.get(source.id()))
                .toList();
    }

    @Override
    public Optional<PlayableSource> source(long sourceId) {
        return store.find(sourceId)
                .filter(source -> source.metadataStatus() != TorrentSource.MetadataStatus.REJECTED)
                .map(Sources::playable);
    }

    @Override
    public Optional<TorrentFile> acceptMetadata(PlayableSource source, TorrentMetadata metadata) {
        if (source.metadata() != null && source.videoFileIndex() != null && source.metadata().equals(metadata)) {
            return Optional.of(metadata.file(source.videoFileIndex()));
        }
        return check.accept(source.id(), source.infoHash(), source.size(), metadata);
    }

    /** Searches a title never searched, waiting at most the on-demand wait; returns the search's failure, if any. */
    private @Nullable Throwable searchIfNeverSearched(SearchedTitle title) {
        if (title.searchedAt() != null || !gate.isTorrentTrafficAllowed()) {
            return null;
        }
        try {
            search.searchInBackground(title).get(properties.onDemandWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.debug("{}: source search still running after {}", title.label(), properties.onDemandWait());
        } catch (ExecutionException e) {
            log.info("{}: source search failed: {}", title.label(), e.getCause().toString());
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static MovieSourceDto dto(TorrentSource source) {
        return new MovieSourceDto(source.id(), source.quality(), size(source), source.videoCodec(),
                source.seeders(), source.leechers(), source.indexer(),
                source.metadataStatus() == TorrentSource.MetadataStatus.VALID);
    }

    private static @Nullable Long size(TorrentSource source) {
        return source.videoFileSize() != null ? source.videoFileSize() : source.sizeBytes();
    }

    private static PlayableSource playable(TorrentSource source) {
        TorrentMetadata metadata = null;
        byte[] data = source.torrentData();
        if (data != null && source.metadataStatus() == TorrentSource.MetadataStatus.VALID) {
            try {
                metadata = TorrentMetadata.parse(data);
            } catch (InvalidTorrentException e) {
                log.warn("Source {}: stored metadata unreadable, playing from the magnet: {}", source.id(), e.getMessage());
            }
        }
        return new PlayableSource(source.id(), InfoHash.of(source.infoHash()), source.magnet(),
                source.quality(), source.videoCodec(), size(source), source.seeders(), source.leechers(),
                metadata, metadata == null ? null : source.videoFileIndex());
    }
}
