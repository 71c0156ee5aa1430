package app.marquee.catalog.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import app.marquee.catalog.tmdb.TmdbData;

/** A movie's title, overview and tagline in one language. */
@Entity
@Table(name = "movie_translation")
class MovieTranslation extends StoredTranslation {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "movie_id", nullable = false)
    private Movie movie;

    protected MovieTranslation() {
    }

    MovieTranslation(Movie movie, TmdbData.Translation translation) {
        super(translation);
        this.movie = movie;
    }
}
