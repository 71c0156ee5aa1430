package app.marquee.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.tmdb.TmdbData;

/** One episode of a season. */
@Entity
@Table(name = "episode")
class Episode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "season_id", nullable = false)
    private Season season;

    @Column(name = "tmdb_id")
    private @Nullable Integer tmdbId;

    @Column(name = "episode_number", nullable = false)
    private int episodeNumber;

    @Column(name = "name", length = 500)
    private @Nullable String name;

    @Column(name = "overview", columnDefinition = "text")
    private @Nullable String overview;

    @Column(name = "air_date")
    private @Nullable LocalDate airDate;

    @Column(name = "still_path")
    private @Nullable String stillPath;

    @Column(name = "runtime")
    private @Nullable Integer runtime;

    @Column(name = "vote_average")
    private @Nullable Double voteAverage;

    @Column(name = "sources_searched_at")
    private @Nullable Instant sourcesSearchedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Episode() {
    }

    Episode(Season season, TmdbData.Episode details, Instant now) {
        this.season = season;
        this.episodeNumber = details.episodeNumber();
        this.createdAt = now;
        update(details, now);
    }

    void update(TmdbData.Episode details, Instant now) {
        tmdbId = details.id();
        name = Title.truncate(details.name(), 500);
        overview = details.overview();
        airDate = details.airDate();
        stillPath = details.stillPath();
        runtime = details.runtime();
        voteAverage = details.voteAverage();
        updatedAt = now;
    }

    Long id() {
        return id;
    }

    Season season() {
        return season;
    }

    @Nullable Instant sourcesSearchedAt() {
        return sourcesSearchedAt;
    }

    void sourcesSearched(Instant at) {
        sourcesSearchedAt = at;
    }

    int episodeNumber() {
        return episodeNumber;
    }

    @Nullable String name() {
        return name;
    }

    @Nullable String overview() {
        return overview;
    }

    @Nullable LocalDate airDate() {
        return airDate;
    }

    @Nullable String stillPath() {
        return stillPath;
    }
}
