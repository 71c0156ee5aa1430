package app.marquee.trakt.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WatchProgressRepository extends JpaRepository<WatchProgress, Long> {

    Optional<WatchProgress> findByUserIdAndMovieId(String userId, Long movieId);

    Optional<WatchProgress> findByUserIdAndEpisodeId(String userId, Long episodeId);

    List<WatchProgress> findByUserIdOrderByUpdatedAtDesc(String userId);
}
