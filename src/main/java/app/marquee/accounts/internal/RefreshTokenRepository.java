package app.marquee.accounts.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RefreshTokenRepository extends JpaRepository<RefreshToken, Long> {

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /**
     * Marks a token used, only if it was not used before: 1 for the caller that wins, 0 for any other,
     * however close their requests were.
     */
    @Modifying
    @Query("update RefreshToken t set t.rotatedAt = :now where t.id = :id and t.rotatedAt is null and t.revokedAt is null")
    int markRotated(Long id, Instant now);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.sessionId = :sessionId and t.revokedAt is null")
    int revokeSession(String sessionId, Instant now);
}
