package app.marquee.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

import org.springframework.util.function.SingletonSupplier;

/**
 * Token buckets per client IP and route group (Bucket4j). In memory on one node; in Redis when Redis is
 * configured, so every node draws from the same buckets.
 *
 * <p>Thread-safe.
 */
public final class RateLimiter {

    /** The limits of API.md's routes: a burst, then a steady rate. */
    public enum Group {
        /** login, first-run set-up, Trakt login: about 1 per second */
        LOGIN(5, 1, Duration.ofSeconds(1)),
        /** token refresh: 1 per 5 s */
        REFRESH(3, 1, Duration.ofSeconds(5)),
        /** reads: 10 per second */
        READ(30, 10, Duration.ofSeconds(1)),
        /** other writes: 5 per second */
        WRITE(10, 5, Duration.ofSeconds(1));

        final Bandwidth bandwidth;

        Group(long burst, long tokens, Duration period) {
            this.bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(tokens, period).build();
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder().addLimit(bandwidth).build();
        }
    }

    /** Where the bucket of a group and client lives. */
    private interface Buckets {
        Bucket of(Group group, String clientIp);
    }

    /** The answer for one request: allowed, or the whole seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final Buckets buckets;

    private RateLimiter(Buckets buckets) {
        this.buckets = buckets;
    }

    /** Buckets in this process only. */
    public static RateLimiter inMemory() {
        Cache<String, Bucket> cache = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .maximumSize(100_000)
                .build();
        return new RateLimiter((group, ip) -> cache.get(group.name() + "|" + ip,
                key -> Bucket.builder().addLimit(group.bandwidth).build()));
    }

    /**
     * Buckets in Redis, shared by every node using the same {@code prefix}. The client is taken on first use.
     * A bucket's key expires once the bucket would be full again, so Redis keeps no state for idle clients.
     */
    public static RateLimiter redis(Supplier<RedisClient> client, String prefix) {
        Supplier<ProxyManager<byte[]>> proxyManager = SingletonSupplier.of(() -> Bucket4jLettuce.casBasedBuilder(client.get())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build());
        return new RateLimiter((group, ip) -> proxyManager.get().builder().build(
                (prefix + group.name() + "|" + ip).getBytes(StandardCharsets.UTF_8), group::configuration));
    }

    public Decision tryConsume(Group group, String clientIp) {
        ConsumptionProbe probe = buckets.of(group, clientIp).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long nanos = probe.getNanosToWaitForRefill();
        return new Decision(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
