package app.marquee.streaming.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StreamingKeyRepository extends JpaRepository<StreamingKey, Long> {

    Optional<StreamingKey> findByKeyHash(String keyHash);

    @Modifying
    @Query("delete from StreamingKey k where k.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
