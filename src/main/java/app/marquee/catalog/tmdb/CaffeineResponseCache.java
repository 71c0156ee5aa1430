package app.marquee.catalog.tmdb;

import java.time.Clock;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** The in-process response cache of a single node; its time is the injected clock's. */
final class CaffeineResponseCache implements TmdbResponseCache {

    /** About 10,000 responses of ~10-30 kB each: a few hundred MB at worst, usually far less. */
    private static final long MAX_ENTRIES = 10_000;

    private final Cache<String, String> cache;

    CaffeineResponseCache(TmdbProperties properties, Clock clock) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(MAX_ENTRIES)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    @Override
    public void put(String key, String body) {
        cache.put(key, body);
    }

    @Override
    public void clear() {
        cache.invalidateAll();
    }
}
