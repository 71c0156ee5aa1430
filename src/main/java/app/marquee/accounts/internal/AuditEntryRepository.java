package app.marquee.accounts.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByEventOrderByIdAsc(String event);

    /** The newest entries first, of one event and outcome when given. */
    @Query("select a from AuditEntry a where (:event is null or a.event = :event)"
            + " and (:outcome is null or a.outcome = :outcome) order by a.id desc")
    List<AuditEntry> newest(@Nullable String event, @Nullable String outcome, Limit limit);
}
