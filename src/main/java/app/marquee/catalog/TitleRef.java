package app.marquee.catalog;

/** A movie or a show by TMDB id, as other modules name titles (curated lists, watchlists). */
public record TitleRef(Kind kind, int tmdbId) {

    public enum Kind { MOVIE, SHOW }

    public static TitleRef movie(int tmdbId) {
        return new TitleRef(Kind.MOVIE, tmdbId);
    }

    public static TitleRef show(int tmdbId) {
        return new TitleRef(Kind.SHOW, tmdbId);
    }
}
