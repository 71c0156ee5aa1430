package app.marquee.accounts.internal;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.marquee.accounts.internal.AuditEntry.Outcome;

/**
 * Writes the audit trail: logins, refreshes, reuse detection, logouts, user creation, denials and
 * rate-limit hits, with time, user or email, IP, user agent and outcome.
 *
 * <p>Callers write an entry after their own transaction has ended, never inside it: on SQLite all writes
 * share one connection, so an entry in a transaction of its own nested in another would wait for that
 * connection forever; and an entry written after the fact also survives the failure it records.
 */
@Component
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditEntryRepository entries;
    private final Clock clock;

    public AuditTrail(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional
    public void record(AuditEvent event, Outcome outcome, @Nullable String userId, @Nullable String email,
            @Nullable String sessionId, ClientInfo client, @Nullable String detail) {
        entries.save(new AuditEntry(clock.instant(), event, outcome, userId, email, sessionId, client, detail));
        log.info("audit {} {} user={} session={} ip={}{}", event.value(), outcome.value(), userId, sessionId,
                client.ip(), detail == null ? "" : " (" + detail + ")");
    }
}
