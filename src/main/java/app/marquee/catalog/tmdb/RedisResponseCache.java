package app.marquee.catalog.tmdb;

import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The response cache shared by every node through Redis: one string key per request,
 * {@code <prefix><normalised request>}, expiring after the TTL. Redis failures are logged and treated as
 * misses, so an unreachable Redis costs TMDB calls, not failed reads.
 */
final class RedisResponseCache implements TmdbResponseCache {

    private static final Logger log = LoggerFactory.getLogger(RedisResponseCache.class);

    private final StringRedisTemplate redis;
    private final TmdbProperties properties;

    RedisResponseCache(StringRedisTemplate redis, TmdbProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(redis.opsForValue().get(properties.cacheKeyPrefix() + key));
        } catch (DataAccessException e) {
            log.warn("TMDB cache: Redis read failed, treating as a miss: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String body) {
        try {
            redis.opsForValue().set(properties.cacheKeyPrefix() + key, body, properties.cacheTtl());
        } catch (DataAccessException e) {
            log.warn("TMDB cache: Redis write failed: {}", e.getMessage());
        }
    }

    @Override
    public void clear() {
        Set<String> keys = redis.keys(properties.cacheKeyPrefix() + "*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
    }
}
