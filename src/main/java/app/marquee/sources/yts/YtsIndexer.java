package app.marquee.sources.yts;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import app.marquee.catalog.MovieSummary;
import app.marquee.sources.IndexedTorrent;
import app.marquee.sources.Indexer;
import app.marquee.sources.ReleaseInfo;
import app.marquee.torrent.InfoHash;

/** YTS as an {@link Indexer}: movies by IMDb id, with its structured quality, codec and bit depth fields. */
@Component
class YtsIndexer implements Indexer {

    private final YtsClient yts;

    YtsIndexer(YtsClient yts) {
        this.yts = yts;
    }

    @Override
    public String name() {
        return "YTS";
    }

    @Override
    public List<IndexedTorrent> searchMovie(MovieSummary movie) {
        if (movie.imdbId() == null) {
            return List.of(); // YTS finds movies by IMDb id only
        }
        List<IndexedTorrent> found = new ArrayList<>();
        for (YtsTorrent torrent : yts.searchByImdbId(movie.imdbId())) {
            String name = torrent.movieTitle() + (torrent.year() > 0 ? " (" + torrent.year() + ")" : "") + " ["
                    + torrent.quality() + "] [YTS]";
            found.add(new IndexedTorrent(name(), InfoHash.of(torrent.hash()), name,
                    ReleaseInfo.ofYts(torrent.quality(), torrent.type(), torrent.videoCodec(), torrent.bitDepth()),
                    null, torrent.url().isEmpty() ? null : torrent.url(),
                    torrent.sizeBytes() > 0 ? torrent.sizeBytes() : null, torrent.seeds(), torrent.peers(),
                    torrent.audioChannels().isEmpty() ? null : torrent.audioChannels(), torrent.uploadedAt()));
        }
        return found;
    }
}
