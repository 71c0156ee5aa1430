package app.marquee.catalog.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * What movies and shows share: their TMDB and IMDb ids, English texts, images, scores and genres (each
 * subclass names its own genre join table), and when TMDB last described them.
 */
@MappedSuperclass
abstract class Title {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tmdb_id", nullable = false)
    private int tmdbId;

    @Column(name = "imdb_id", length = 16)
    private @Nullable String imdbId;

    @Column(name = "original_language", length = 5)
    private @Nullable String originalLanguage;

    @Column(name = "overview", columnDefinition = "text")
    private @Nullable String overview;

    @Column(name = "tagline", length = 1000)
    private @Nullable String tagline;

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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ManyToMany
    @BatchSize(size = 100)
    private Set<Genre> genres = new HashSet<>();

    protected Title() {
    }

    Title(int tmdbId, Instant now) {
        this.tmdbId = tmdbId;
        this.createdAt = now;
    }

    /** The texts, images and scores TMDB's details give every title. */
    record Details(@Nullable String imdbId, @Nullable String originalLanguage, @Nullable String overview,
            @Nullable String tagline, @Nullable String posterPath, @Nullable String backdropPath,
            @Nullable String logoPath, @Nullable Double popularity, @Nullable Double voteAverage,
            @Nullable Integer voteCount) {
    }

    /** Takes TMDB's shared fields; genres are merged in place so unchanged ones cost no write. */
    void update(Details details, Set<Genre> newGenres, Instant now) {
        imdbId = details.imdbId();
        originalLanguage = truncate(details.originalLanguage(), 5);
        overview = details.overview();
        tagline = truncate(details.tagline(), 1000);
        posterPath = details.posterPath();
        backdropPath = details.backdropPath();
        logoPath = details.logoPath();
        popularity = details.popularity();
        voteAverage = details.voteAverage();
        voteCount = details.voteCount();
        genres.retainAll(newGenres);
        genres.addAll(newGenres);
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

    @Nullable String overview() {
        return overview;
    }

    @Nullable String tagline() {
        return tagline;
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
