package app.marquee.sources.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TorrentSourceRepository extends JpaRepository<TorrentSource, Long> {

    List<TorrentSource> findByMovieIdOrderById(long movieId);

    Optional<TorrentSource> findByMovieIdAndInfoHashIndex(long movieId, String infoHashIndex);

    List<TorrentSource> findByEpisodeIdOrderById(long episodeId);

    /** Another source of the same torrent whose metadata is known (a season pack listed for several episodes). */
    Optional<TorrentSource> findFirstByInfoHashIndexAndTorrentDataIsNotNullOrderById(String infoHashIndex);

    Optional<TorrentSource> findByEpisodeIdAndInfoHashIndex(long episodeId, String infoHashIndex);

    /** Sources whose metadata is still pending and due for another attempt, least tried first. */
    @Query("select s from TorrentSource s where s.metadataStatus = 'pending' and s.metadataAttempts < :maxAttempts"
            + " and (s.metadataCheckedAt is null or s.metadataCheckedAt < :triedBefore)"
            + " order by s.metadataAttempts, s.metadataCheckedAt nulls first, s.id")
    List<TorrentSource> findMetadataDue(int maxAttempts, Instant triedBefore, Pageable page);

    @Query("select count(s) > 0 from TorrentSource s where s.metadataStatus = 'pending'"
            + " and s.metadataAttempts < :maxAttempts"
            + " and (s.metadataCheckedAt is null or s.metadataCheckedAt < :triedBefore)")
    boolean existsMetadataDue(int maxAttempts, Instant triedBefore);

    /** Sources worth counting peers of whose counts are older than {@code before}, never-checked first. */
    @Query("select s from TorrentSource s where s.metadataStatus <> 'rejected'"
            + " and (s.trackersCheckedAt is null or s.trackersCheckedAt < :before)"
            + " order by s.trackersCheckedAt nulls first, s.id")
    List<TorrentSource> findStatsDue(Instant before, Pageable page);

    @Query("select count(s) > 0 from TorrentSource s where s.metadataStatus <> 'rejected'"
            + " and (s.trackersCheckedAt is null or s.trackersCheckedAt < :before)")
    boolean existsStatsDue(Instant before);
}
