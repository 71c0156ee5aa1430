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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.tmdb.TmdbData;

/** A TV show as TMDB describes it, in English, with its seasons. */
@Entity
@Table(name = "tv_show")
@AssociationOverride(name = "genres", joinTable = @JoinTable(name = "tv_show_genre",
        joinColumns = @JoinColumn(name = "tv_show_id"), inverseJoinColumns = @JoinColumn(name = "genre_id")))
class TvShow extends Title {

    @Column(name = "tvdb_id")
    private @Nullable Integer tvdbId;

    @Column(name = "name", nullable = false, length = 500)
    private String name;

    @Column(name = "original_name", length = 500)
    private @Nullable String originalName;

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

    @OneToMany(mappedBy = "show", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<TvShowTranslation> translations = new ArrayList<>();

    @OneToMany(mappedBy = "show", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seasonNumber")
    private List<Season> seasons = new ArrayList<>();

    protected TvShow() {
    }

    TvShow(int tmdbId, Instant now) {
        super(tmdbId, now);
    }

    /** Takes TMDB's details; seasons are added or updated, never dropped with their episodes. */
    void update(TmdbData.Show details, Set<Genre> newGenres, Instant now) {
        update(new Details(details.imdbId(), details.originalLanguage(), details.overview(), details.tagline(),
                details.posterPath(), details.backdropPath(), null, details.popularity(), details.voteAverage(),
                details.voteCount()), newGenres, now);
        tvdbId = details.tvdbId();
        name = truncate(details.name(), 500);
        originalName = truncate(details.originalName(), 500);
        firstAirDate = details.firstAirDate();
        lastAirDate = details.lastAirDate();
        status = truncate(details.status(), 32);
        inProduction = details.inProduction();
        numberOfSeasons = details.numberOfSeasons();
        numberOfEpisodes = details.numberOfEpisodes();
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
    }

    @Nullable Season season(int number) {
        for (Season season : seasons) {
            if (season.seasonNumber() == number) {
                return season;
            }
        }
        return null;
    }

    @Nullable Integer tvdbId() {
        return tvdbId;
    }

    String name() {
        return name;
    }

    @Nullable LocalDate firstAirDate() {
        return firstAirDate;
    }

    @Nullable LocalDate lastAirDate() {
        return lastAirDate;
    }

    List<Season> seasons() {
        return seasons;
    }
}
