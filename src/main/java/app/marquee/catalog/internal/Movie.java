package app.marquee.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import app.marquee.catalog.tmdb.TmdbData;

/** A movie as TMDB describes it, in English; other languages are in its {@link MovieTranslation}s. */
@Entity
@Table(name = "movie")
class Movie {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tmdb_id", nullable = false)
    private int tmdbId;

    @Column(name = "imdb_id", length = 16)
    private @Nullable String imdbId;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Column(name = "original_title", length = 500)
    private @Nullable String originalTitle;

    @Column(name = "original_language", length = 5)
    private @Nullable String originalLanguage;

    @Column(name = "overview", columnDefinition = "text")
    private @Nullable String overview;

    @Column(name = "tagline", length = 1000)
    private @Nullable String tagline;

    @Column(name = "release_date")
    private @Nullable LocalDate releaseDate;

    @Column(name = "runtime")
    private @Nullable Integer runtime;

    @Column(name = "status", length = 32)
    private @Nullable String status;

    @Column(name = "adult", nullable = false)
    private boolean adult;

    @Column(name = "poster_path")
    private @Nullable String posterPath;

    @Column(name = "backdrop_path")
    private @Nullable String backdropPath;

    @Column(name = "logo_path")
    private @Nullable String logoPath;

    @Column(name = "popularity")
    private @Nullable Double popularity;

    @Column(name = "vote_average")
    private @Nullable Double voteAverage;

    @Column(name = "vote_count")
    private @Nullable Integer voteCount;

    @Column(name = "tmdb_synced_at", nullable = false)
    private Instant tmdbSyncedAt;

    @Column(name = "sources_searched_at")
    private @Nullable Instant sourcesSearchedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ManyToMany
    @JoinTable(name = "movie_genre", joinColumns = @JoinColumn(name = "movie_id"),
            inverseJoinColumns = @JoinColumn(name = "genre_id"))
    @BatchSize(size = 100)
    private Set<Genre> genres = new HashSet<>();

    @OneToMany(mappedBy = "movie", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<MovieTranslation> translations = new ArrayList<>();

    protected Movie() {
    }

    Movie(int tmdbId, Instant now) {
        this.tmdbId = tmdbId;
        this.createdAt = now;
    }

    /** Takes every field from TMDB's details; translations and genres are merged, not replaced. */
    void update(TmdbData.Movie details, Set<Genre> newGenres, Instant now) {
        imdbId = details.imdbId();
        title = details.title();
        originalTitle = details.originalTitle();
        originalLanguage = truncate(details.originalLanguage(), 5);
        overview = details.overview();
        tagline = details.tagline();
        releaseDate = details.releaseDate();
        runtime = details.runtime();
        status = details.status();
        adult = details.adult();
        posterPath = details.posterPath();
        backdropPath = details.backdropPath();
        logoPath = details.logoPath();
        popularity = details.popularity();
        voteAverage = details.voteAverage();
        voteCount = details.voteCount();
        genres.retainAll(newGenres);
        genres.addAll(newGenres);
        Translations.merge(translations, details.translations(), t -> new MovieTranslation(this, t));
        tmdbSyncedAt = now;
        updatedAt = now;
    }

    static @Nullable String truncate(@Nullable String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    Long id() {
        return id;
    }

    int tmdbId() {
        return tmdbId;
    }

    @Nullable String imdbId() {
        return imdbId;
    }

    String title() {
        return title;
    }

    @Nullable String overview() {
        return overview;
    }

    @Nullable String tagline() {
        return tagline;
    }

    @Nullable LocalDate releaseDate() {
        return releaseDate;
    }

    @Nullable Integer runtime() {
        return runtime;
    }

    @Nullable String posterPath() {
        return posterPath;
    }

    @Nullable String backdropPath() {
        return backdropPath;
    }

    @Nullable String logoPath() {
        return logoPath;
    }

    @Nullable Double popularity() {
        return popularity;
    }

    @Nullable Double voteAverage() {
        return voteAverage;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant tmdbSyncedAt() {
        return tmdbSyncedAt;
    }

    Set<Genre> genres() {
        return genres;
    }
}
