package app.marquee.trakt.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.marquee.trakt.client.TraktClient;
import app.marquee.trakt.client.TraktClient.Delivery;
import app.marquee.trakt.client.TraktUnavailableException;

/**
 * The durable queue of writes to Trakt (scrobbles, history). An event is queued in the database first and sent
 * afterwards, so a Trakt outage or a restart loses nothing; a row is claimed before it is sent, so two nodes
 * (or two runs) never send it at once; a sent row is marked delivered, and Trakt's own 409 for an item it
 * already has counts as delivered, so a crash between sending and marking does not make a second scrobble.
 */
@Component
public class TraktOutbox {

    private static final Logger log = LoggerFactory.getLogger(TraktOutbox.class);
    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final OutboxRepository outbox;
    private final TraktAccounts accounts;
    private final TraktClient trakt;
    private final TransactionTemplate write;
    private final TransactionTemplate read;
    private final Clock clock;

    public TraktOutbox(OutboxRepository outbox, TraktAccounts accounts, TraktClient trakt,
            PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.trakt = trakt;
        this.write = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Queues a write for a user with a linked Trakt account; does nothing for other users, and nothing for a
     * {@code dedupeKey} already queued.
     *
     * @return true when it was queued
     */
    public boolean enqueue(String userId, String endpoint, String jsonPayload, String dedupeKey) {
        if (!accounts.association(userId).associated()) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(write.execute(status -> {
                if (outbox.existsByDedupeKey(dedupeKey)) {
                    return false;
                }
                outbox.saveAndFlush(new OutboxEntry(userId, endpoint, jsonPayload, dedupeKey, clock.instant()));
                return true;
            }));
        } catch (DataIntegrityViolationException e) {
            return false; // queued at the same moment by another request
        }
    }

    /** Sends what is due. Runs every few seconds; tests call it directly. */
    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    public void deliverDue() {
        if (!trakt.isConfigured()) {
            return;
        }
        Instant now = clock.instant();
        List<Long> due = read.execute(status -> outbox.findDue(now, PageRequest.of(0, BATCH)));
        for (Long id : due) {
            Integer claimed = write.execute(status -> outbox.claim(id, clock.instant(), clock.instant().plus(CLAIM)));
            if (claimed != null && claimed == 1) {
                deliver(id);
            }
        }
    }

    private void deliver(Long id) {
        OutboxEntry entry = read.execute(status -> outbox.findById(id).orElseThrow());
        Delivery result;
        String error;
        try {
            var token = accounts.accessToken(entry.getUserId(), false);
            if (token.isEmpty()) {
                settle(id, Delivery.REJECTED, "the user has no linked Trakt account any more");
                return;
            }
            result = trakt.write(entry.getEndpoint(), token.get(), entry.getPayload());
            if (result == Delivery.UNAUTHORIZED) {
                result = trakt.write(entry.getEndpoint(), accounts.accessToken(entry.getUserId(), true).orElseThrow(),
                        entry.getPayload());
            }
            error = "Trakt answered " + result;
        } catch (TraktUnavailableException e) {
            result = Delivery.RETRY;
            error = e.getMessage();
        }
        settle(id, result, error);
    }

    private void settle(Long id, Delivery result, String error) {
        write.executeWithoutResult(status -> {
            OutboxEntry entry = outbox.findById(id).orElseThrow();
            Instant now = clock.instant();
            switch (result) {
                case DELIVERED, DUPLICATE -> entry.delivered(now);
                case RETRY, UNAUTHORIZED -> entry.retryLater(now, error);
                case REJECTED -> entry.failed(now, error);
            }
        });
        if (result == Delivery.REJECTED) {
            log.warn("Trakt refused outbox entry {} for good: {}", id, error);
        }
    }
}
