package app.marquee.trakt.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

    @Query("""
            select e.id from OutboxEntry e
            where e.deliveredAt is null and e.failedAt is null and e.nextAttemptAt <= :now
              and (e.claimedUntil is null or e.claimedUntil < :now)
            order by e.id""")
    List<Long> findDue(Instant now, Pageable page);

    /** Takes a row for one sender until {@code until}: 1 for the sender that wins it, 0 for any other. */
    @Modifying
    @Query("""
            update OutboxEntry e set e.claimedUntil = :until
            where e.id = :id and e.deliveredAt is null and e.failedAt is null
              and (e.claimedUntil is null or e.claimedUntil < :now)""")
    int claim(Long id, Instant now, Instant until);

    boolean existsByDedupeKey(String dedupeKey);
}
