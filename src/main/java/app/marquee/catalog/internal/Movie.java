package app.marquee.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.tmdb.TmdbData;

/** A movie as TMDB describes it, in English; other languages are in its {@link MovieTranslation}s. */
@Entity
@Table(name = "movie")
@AssociationOverride(name = "genres", joinTable = @JoinTable(name = "movie_genre",
        joinColumns = @JoinColumn(name = "movie_id"), inverseJoinColumns = @JoinColumn(name = "genre_id")))
class Movie extends Title {

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Column(name = "original_title", length = 500)
    private @Nullable String originalTitle;

    @Column(name = "release_date")
    private @Nullable LocalDate releaseDate;

    @Column(name = "runtime")
    private @Nullable Integer runtime;

    @Column(name = "status", length = 32)
    private @Nullable String status;

    @Column(name = "adult", nullable = false)
    private boolean adult;

    @Column(name = "sources_searched_at")
    private @Nullable Instant sourcesSearchedAt;

    @OneToMany(mappedBy = "movie", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<MovieTranslation> translations = new ArrayList<>();

    @Nullable Instant sourcesSearchedAt() {
        return sourcesSearchedAt;
    }

    void sourcesSearched(Instant at) {
        sourcesSearchedAt = at;
    }

    protected Movie() {
    }

    Movie(int tmdbId, Instant now) {
        super(tmdbId, now);
    }

    /** Takes every field from TMDB's details; translations and genres are merged, not replaced. */
    void update(TmdbData.Movie details, Set<Genre> newGenres, Instant now) {
        update(new Details(details.imdbId(), details.originalLanguage(), details.overview(), details.tagline(),
                details.posterPath(), details.backdropPath(), details.logoPath(), details.popularity(),
                details.voteAverage(), details.voteCount()), newGenres, now);
        title = truncate(details.title(), 500);
        originalTitle = truncate(details.originalTitle(), 500);
        releaseDate = details.releaseDate();
        runtime = details.runtime();
        status = truncate(details.status(), 32);
        adult = details.adult();
        Translations.merge(translations, details.translations(), t -> new MovieTranslation(this, t));
    }

    String title() {
        return title;
    }

    @Nullable LocalDate releaseDate() {
        return releaseDate;
    }

    @Nullable Integer runtime() {
        return runtime;
    }
}
