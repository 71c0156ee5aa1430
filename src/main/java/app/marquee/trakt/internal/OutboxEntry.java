package app.marquee.trakt.internal;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** One write to Trakt waiting to be delivered. */
@Entity
@Table(name = "trakt_outbox")
public class OutboxEntry {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String userId;
    private String endpoint;
    private String payload;
    private String dedupeKey;

    @Column(updatable = false)
    private Instant createdAt;

    private int attempts;
    private Instant nextAttemptAt;
    private @Nullable Instant claimedUntil;
    private @Nullable Instant deliveredAt;
    private @Nullable Instant failedAt;
    private @Nullable String lastError;

    protected OutboxEntry() {
        // for JPA
    }

    OutboxEntry(String userId, String endpoint, String payload, String dedupeKey, Instant now) {
        this.userId = userId;
        this.endpoint = endpoint;
        this.payload = payload;
        this.dedupeKey = dedupeKey;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getPayload() {
        return payload;
    }

    public int getAttempts() {
        return attempts;
    }

    public @Nullable Instant getDeliveredAt() {
        return deliveredAt;
    }

    public @Nullable Instant getFailedAt() {
        return failedAt;
    }

    public @Nullable String getLastError() {
        return lastError;
    }

    void delivered(Instant now) {
        attempts++;
        deliveredAt = now;
        claimedUntil = null;
        lastError = null;
    }

    /** Another try later: 5 s after the first failure, twice as long after each next one, at most an hour. */
    void retryLater(Instant now, String error) {
        attempts++;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
        claimedUntil = null;
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
    }

    void failed(Instant now, String error) {
        attempts++;
        failedAt = now;
        claimedUntil = null;
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
    }
}
