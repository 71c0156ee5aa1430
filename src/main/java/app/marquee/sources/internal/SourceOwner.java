package app.marquee.sources.internal;

import org.jspecify.annotations.Nullable;

/** The title a torrent source belongs to: a movie or an episode, by their database ids. */
record SourceOwner(Kind kind, long id) {

    enum Kind { MOVIE, EPISODE }

    static SourceOwner movie(long movieId) {
        return new SourceOwner(Kind.MOVIE, movieId);
    }

    static SourceOwner episode(long episodeId) {
        return new SourceOwner(Kind.EPISODE, episodeId);
    }

    @Nullable Long movieId() {
        return kind == Kind.MOVIE ? id : null;
    }

    @Nullable Long episodeId() {
        return kind == Kind.EPISODE ? id : null;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
    }
}
