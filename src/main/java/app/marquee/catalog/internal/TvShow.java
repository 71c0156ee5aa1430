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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import app.marquee.catalog.tmdb.TmdbData;

/** A TV show as TMDB describes it, in English, with its seasons. */
@Entity
@Table(name = "tv_show")
class TvShow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tmdb_id", nullable = false)
    private int tmdbId;

    @Column(name = "imdb_id", length = 16)
    private @Nullable String imdbId;

    @Column(name = "tvdb_id")
    private @Nullable Integer tvdbId;

    @Column(name = "name", nullable = false, length = 500)
    private String name;

    @Column(name = "original_name", length = 500)
    private @Nullable String originalName;

    @Column(name = "original_language", length = 5)
    private @Nullable String originalLanguage;

    @Column(name = "overview", columnDefinition = "text")
    private @Nullable String overview;

    @Column(name = "tagline", length = 1000)
    private @Nullable String tagline;

    @Column(name = "first_air_date")
    private @Nullable LocalDate firstAirDate;

    @Column(name = "last_air_date")
    private @Nullable LocalDate lastAirDate;

    @Column(name = "status", length = 32)
    private @Nullable String status;

    @Column(name = "in_production", nullable = false)
    private boolean inProduction;

    @Column(name = "number_of_seasons")
    private @Nullable Integer numberOfSeasons;

    @Column(name = "number_of_episodes")
    private @Nullable Integer numberOfEpisodes;

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
    @JoinTable(name = "tv_show_genre", joinColumns = @JoinColumn(name = "tv_show_id"),
            inverseJoinColumns = @JoinColumn(name = "genre_id"))
    @BatchSize(size = 100)
    private Set<Genre> genres = new HashSet<>();

    @OneToMany(mappedBy = "show", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<TvShowTranslation> translations = new ArrayList<>();

    @OneToMany(mappedBy = "show", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seasonNumber")
    private List<Season> seasons = new ArrayList<>();

    protected TvShow() {
    }

    TvShow(int tmdbId, Instant now) {
        this.tmdbId = tmdbId;
        this.createdAt = now;
    }

    /** Takes TMDB's details; seasons are added or updated, never dropped with their episodes. */
    void update(TmdbData.Show details, Set<Genre> newGenres, Instant now) {
        imdbId = details.imdbId();
        tvdbId = details.tvdbId();
        name = details.name();
        originalName = details.originalName();
        originalLanguage = Movie.truncate(details.originalLanguage(), 5);
        overview = details.overview();
        tagline = details.tagline();
        firstAirDate = details.firstAirDate();
        lastAirDate = details.lastAirDate();
        status = details.status();
        inProduction = details.inProduction();
        numberOfSeasons = details.numberOfSeasons();
        numberOfEpisodes = details.numberOfEpisodes();
        posterPath = details.posterPath();
        backdropPath = details.backdropPath();
        popularity = details.popularity();
        voteAverage = details.voteAverage();
        voteCount = details.voteCount();
        genres.retainAll(newGenres);
        genres.addAll(newGenres);
        Translations.merge(translations, details.translations(), t -> new TvShowTranslation(this, t));
        for (TmdbData.SeasonSummary summary : details.seasons()) {
            if (summary.seasonNumber() < 0) {
                continue;
            }
            Season season = season(summary.seasonNumber());
            if (season == null) {
                season = new Season(this, summary.seasonNumber(), now);
                seasons.add(season);
            }
            season.update(summary, now);
        }
        tmdbSyncedAt = now;
        updatedAt = now;
    }

    @Nullable Season season(int number) {
        for (Season season : seasons) {
            if (season.seasonNumber() == number) {
                return season;
            }
        }
        return null;
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

    String name() {
        return name;
    }

    @Nullable String overview() {
        return overview;
    }

    @Nullable String tagline() {
        return tagline;
    }

    @Nullable LocalDate firstAirDate() {
        return firstAirDate;
    }

    @Nullable LocalDate lastAirDate() {
        return lastAirDate;
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

    Set<Genre> genres() {
        return genres;
    }

    List<Season> seasons() {
        return seasons;
    }
}
