package app.marquee.sources.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.EpisodeSummary;
import app.marquee.catalog.MovieSummary;
import app.marquee.sources.IndexedTorrent;
import app.marquee.sources.Indexer;

/** A title whose torrents are searched: a movie, or an episode of a show. The search is the same for both. */
sealed interface SearchedTitle {

    SourceOwner owner();

    /** For logs: {@code movie 105}, {@code Show S01E02}. */
    String label();

    /** When its sources were last searched; null: never. */
    @Nullable Instant searchedAt();

    /** Whether the indexer lists titles of this kind. */
    boolean askable(Indexer indexer);

    /** What the indexer lists for it. */
    List<IndexedTorrent> ask(Indexer indexer);

    /** Why a listed torrent is not this title (a fake, another episode), or empty when nothing says so. */
    Optional<String> implausible(Indexer indexer, IndexedTorrent torrent);

    void markSearched(CatalogApi catalog, Instant at);

    static SearchedTitle of(MovieSummary movie) {
        return new Movie(movie);
    }

    static SearchedTitle of(EpisodeSummary episode) {
        return new Episode(episode);
    }

    record Movie(MovieSummary movie) implements SearchedTitle {

        @Override
        public SourceOwner owner() {
            return SourceOwner.movie(movie.id());
        }

        @Override
        public String label() {
            return "movie " + movie.tmdbId();
        }

        @Override
        public @Nullable Instant searchedAt() {
            return movie.sourcesSearchedAt();
        }

        @Override
        public boolean askable(Indexer indexer) {
            return indexer.listsMovies();
        }

        @Override
        public List<IndexedTorrent> ask(Indexer indexer) {
            return indexer.searchMovie(movie);
        }

        /** YTS lists by IMDb id with its own fields and is trusted; general indexers' names are checked. */
        @Override
        public Optional<String> implausible(Indexer indexer, IndexedTorrent torrent) {
            return indexer.name().equals("YTS") ? Optional.empty() : ReleaseChecks.implausible(movie, torrent);
        }

        @Override
        public void markSearched(CatalogApi catalog, Instant at) {
            catalog.markSourcesSearched(movie.id(), at);
        }
    }

    record Episode(EpisodeSummary episode) implements SearchedTitle {

        @Override
        public SourceOwner owner() {
            return SourceOwner.episode(episode.id());
        }

        @Override
        public String label() {
            return episode.label();
        }

        @Override
        public @Nullable Instant searchedAt() {
            return episode.sourcesSearchedAt();
        }

        @Override
        public boolean askable(Indexer indexer) {
            return indexer.listsEpisodes();
        }

        @Override
        public List<IndexedTorrent> ask(Indexer indexer) {
            return indexer.searchEpisode(episode);
        }

        @Override
        public Optional<String> implausible(Indexer indexer, IndexedTorrent torrent) {
            return ReleaseChecks.implausible(episode, torrent);
        }

        @Override
        public void markSearched(CatalogApi catalog, Instant at) {
            catalog.markEpisodeSourcesSearched(episode.id(), at);
        }
    }
}
