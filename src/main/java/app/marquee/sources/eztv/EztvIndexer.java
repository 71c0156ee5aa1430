package app.marquee.sources.eztv;

import java.util.List;

import org.springframework.stereotype.Component;

import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieSummary;
import app.marquee.sources.EpisodeMarker;
import app.marquee.sources.IndexedTorrent;
import app.marquee.sources.Indexer;
import app.marquee.sources.ReleaseInfo;

/**
 * EZTV as an {@link Indexer} of episodes: the show's torrents by IMDb id, those that hold the episode kept (by
 * EZTV's season and episode fields, else by the release name, so season packs count). It lists no movies.
 */
@Component
class EztvIndexer implements Indexer {

    private final EztvClient eztv;

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
        return eztv.searchShow(episode.showImdbId()).stream()
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
