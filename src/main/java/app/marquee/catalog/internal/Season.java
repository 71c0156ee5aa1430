package app.marquee.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import app.marquee.catalog.tmdb.TmdbData;

/**
 * A season of a show. Known from the show's details first; its episodes arrive with the season's own
 * details ({@code episodesSyncedAt} stays null until then, which is what the season sync task looks for).
 */
@Entity
@Table(name = "season")
class Season {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tv_show_id", nullable = false)
    private TvShow show;

    @Column(name = "tmdb_id")
    private @Nullable Integer tmdbId;

    @Column(name = "season_number", nullable = false)
    private int seasonNumber;

    @Column(name = "name", length = 500)
    private @Nullable String name;

    @Column(name = "overview", columnDefinition = "text")
    private @Nullable String overview;

    @Column(name = "air_date")
    private @Nullable LocalDate airDate;

    @Column(name = "poster_path")
    private @Nullable String posterPath;

    @Column(name = "episode_count")
    private @Nullable Integer episodeCount;

    @Column(name = "episodes_synced_at")
    private @Nullable Instant episodesSyncedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "season", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("episodeNumber")
    @BatchSize(size = 50)
    private List<Episode> episodes = new ArrayList<>();

    protected Season() {
    }

    Season(TvShow show, int seasonNumber, Instant now) {
        this.show = show;
        this.seasonNumber = seasonNumber;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(TmdbData.SeasonSummary summary, Instant now) {
        tmdbId = summary.id();
        name = summary.name();
        overview = summary.overview();
        airDate = summary.airDate();
        posterPath = summary.posterPath();
        episodeCount = summary.episodeCount();
        updatedAt = now;
    }

    /** Takes the season's own details with its episodes, updating stored episodes in place. */
    void updateEpisodes(TmdbData.Season details, Instant now) {
        tmdbId = details.id() != null ? details.id() : tmdbId;
        name = details.name() != null ? details.name() : name;
        overview = details.overview() != null ? details.overview() : overview;
        airDate = details.airDate() != null ? details.airDate() : airDate;
        posterPath = details.posterPath() != null ? details.posterPath() : posterPath;
        Map<Integer, TmdbData.Episode> incoming = new HashMap<>();
        details.episodes().stream().filter(e -> e.episodeNumber() >= 0).forEach(e -> incoming.putIfAbsent(e.episodeNumber(), e));
        episodes.removeIf(e -> !incoming.containsKey(e.episodeNumber()));
        for (Episode episode : episodes) {
            episode.update(incoming.remove(episode.episodeNumber()), now);
        }
        incoming.values().forEach(e -> episodes.add(new Episode(this, e, now)));
        episodeCount = episodes.size();
        episodesSyncedAt = now;
        updatedAt = now;
    }

    Long id() {
        return id;
    }

    TvShow show() {
        return show;
    }

    int seasonNumber() {
        return seasonNumber;
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

    @Nullable String posterPath() {
        return posterPath;
    }

    @Nullable Instant episodesSyncedAt() {
        return episodesSyncedAt;
    }

    List<Episode> episodes() {
        return episodes;
    }
}
