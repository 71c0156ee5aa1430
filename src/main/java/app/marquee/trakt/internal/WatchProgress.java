package app.marquee.trakt.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** How far one user is into one movie or one episode. */
@Entity
@Table(name = "watch_progress")
public class WatchProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String userId;
    private @Nullable Long movieId;
    private @Nullable Long episodeId;
    private double progress;
    private String status;
    private Instant updatedAt;

    protected WatchProgress() {
        // for JPA
    }

    WatchProgress(String userId, @Nullable Long movieId, @Nullable Long episodeId) {
        this.userId = userId;
        this.movieId = movieId;
        this.episodeId = episodeId;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable Long getMovieId() {
        return movieId;
    }

    public @Nullable Long getEpisodeId() {
        return episodeId;
    }

    public double getProgress() {
        return progress;
    }

    public String getStatus() {
        return status;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void update(double progress, String status, Instant now) {
        this.progress = progress;
        this.status = status;
        this.updatedAt = now;
    }
}
