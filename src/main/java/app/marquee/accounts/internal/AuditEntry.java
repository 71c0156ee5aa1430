package app.marquee.accounts.internal;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.marquee.accounts.EncryptedString;

/** One line of the audit trail. Never holds a password or a token. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private Instant occurredAt;
    private String event;
    private String outcome;
    private @Nullable String userId;

    @Convert(converter = EncryptedString.class)
    private @Nullable String email;

    private @Nullable String sessionId;
    private @Nullable String ip;
    private @Nullable String userAgent;
    private @Nullable String detail;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(Instant occurredAt, AuditEvent event, Outcome outcome, @Nullable String userId, @Nullable String email,
            @Nullable String sessionId, ClientInfo client, @Nullable String detail) {
        this.occurredAt = occurredAt;
        this.event = event.value();
        this.outcome = outcome.value();
        this.userId = userId;
        this.email = email;
        this.sessionId = sessionId;
        this.ip = client.ip();
        this.userAgent = client.userAgent();
        this.detail = detail;
    }

    public String getEvent() {
        return event;
    }

    public String getOutcome() {
        return outcome;
    }

    public @Nullable String getUserId() {
        return userId;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public @Nullable String getIp() {
        return ip;
    }

    public @Nullable String getUserAgent() {
        return userAgent;
    }

    public @Nullable String getDetail() {
        return detail;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** How an audited action ended. */
    public enum Outcome {
        SUCCESS, FAILURE, DENIED;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
