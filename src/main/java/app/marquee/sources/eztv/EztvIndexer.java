package app.marquee.sources.eztv;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieSummary;
import app.marquee.sources.EpisodeMarker;
import app.marquee.sources.IndexedTorrent;
import app.marquee.sources.Indexer;
import app.marquee.sources.ReleaseInfo;

/**
 * EZTV as an {@link Indexer} of episodes: the show's torrents by IMDb id, those that hold the episode kept (by
 * the release name, so multi-episode files and season packs count, else EZTV's own numbers). It lists no movies.
 *
 * <p>EZTV answers with a whole show (up to ten pages), so the listing of a show is kept for
 * {@value #LISTING_MINUTES} minutes: the source search of a season's next episodes, one after another, asks
 * EZTV once, not once per episode. A failed search is not kept.
 */
@Component
class EztvIndexer implements Indexer {

    private static final int LISTING_MINUTES = 10;

    private final EztvClient eztv;
    private final Cache<String, List<EztvTorrent>> listings = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(LISTING_MINUTES))
            .maximumSize(200)
            .build();

    EztvIndexer(EztvClient eztv) {
        this.eztv = eztv;
    }

    @Override
    public String name() {
        return "EZTV";
    }

    @Override
    public List<IndexedTorrent> searchMovie(MovieSummary movie) {
        return List.of();
    }

    @Override
    public boolean listsMovies() {
        return false;
    }

    @Override
    public boolean listsEpisodes() {
        return true;
    }

    @Override
    public List<IndexedTorrent> searchEpisode(EpisodeSummary episode) {
        if (episode.showImdbId() == null) {
            return List.of(); // EZTV finds shows by IMDb id only
        }
        return listings.get(episode.showImdbId(), eztv::searchShow).stream()
                .filter(torrent -> holds(torrent, episode.seasonNumber(), episode.episodeNumber()))
                .map(torrent -> new IndexedTorrent(name(), torrent.infoHash(), torrent.title(),
                        ReleaseInfo.parse(torrent.title()), torrent.magnet(), torrent.torrentUrl(), torrent.size(),
                        torrent.seeds(), torrent.peers(), null, torrent.released()))
                .toList();
    }

    /** What the release name says (it tells multi-episode files and packs apart), else EZTV's own numbers. */
    private static boolean holds(EztvTorrent torrent, int season, int episode) {
        return EpisodeMarker.parse(torrent.title())
                .map(marker -> marker.holds(season, episode))
                .orElseGet(() -> torrent.season() != null && torrent.season() == season
                        && torrent.episode() != null && torrent.episode() == episode);
    }
}
