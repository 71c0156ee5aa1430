package app.marquee.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the audit trail as admins read it ({@code GET /api/audit}). Never a password or a token. */
public record AuditRecord(Instant occurredAt, String event, String outcome, @Nullable String userId,
        @Nullable String email, @Nullable String ip, @Nullable String userAgent, @Nullable String detail) {
}
