package app.marquee.catalog.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import app.marquee.catalog.tmdb.TmdbData;

/** A TV show's name, overview and tagline in one language. */
@Entity
@Table(name = "tv_show_translation")
@AttributeOverride(name = "title", column = @Column(name = "name", length = 500))
class TvShowTranslation extends StoredTranslation {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tv_show_id", nullable = false)
    private TvShow show;

    protected TvShowTranslation() {
    }

    TvShowTranslation(TvShow show, TmdbData.Translation translation) {
        super(translation);
        this.show = show;
    }
}
