package app.marquee.streaming.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.marquee.streaming.StreamingProperties;

/**
 * Issues and checks streaming keys: 32 random bytes (base64url, 43 characters) given once to the client,
 * stored only as their SHA-256. A key is looked up by its hash and the stored hash compared in constant time;
 * malformed, unknown and expired keys are all simply "invalid".
 */
@Service
@Transactional
class StreamingKeys {

    /** What a valid key grants: one title (a movie or an episode, by database id) from one source. */
    record Grant(String userId, @Nullable Long movieId, @Nullable Long episodeId, long sourceId, Instant expiresAt) {
    }

    /** A key just issued: the clear key, shown to the client once. */
    record Issued(String key, Instant expiresAt) {
    }

    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Duration EXPIRED_KEPT = Duration.ofDays(1);

    private final StreamingKeyRepository keys;
    private final StreamingProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StreamingKeys(StreamingKeyRepository keys, StreamingProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    Issued issue(String userId, PlayedTitle title, long sourceId, @Nullable String quality) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.keyTtl());
        keys.save(new StreamingKey(hash(key), userId, title.movieId(), title.episodeId(), sourceId, quality, now,
                expiresAt));
        return new Issued(key, expiresAt);
    }

    @Transactional(readOnly = true)
    Optional<Grant> resolve(String key) {
        if (!KEY_SHAPE.matcher(key).matches()) {
            return Optional.empty();
        }
        String hash = hash(key);
        return keys.findByKeyHash(hash)
                .filter(stored -> MessageDigest.isEqual(stored.keyHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .filter(stored -> stored.expiresAt().isAfter(clock.instant()))
                .filter(stored -> stored.sourceId() != null)
                .map(stored -> new Grant(stored.userId(), stored.movieId(), stored.episodeId(), stored.sourceId(),
                        stored.expiresAt()));
    }

    /** Expired keys are deleted a day after they expire. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        keys.deleteExpiredBefore(clock.instant().minus(EXPIRED_KEPT));
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
