package app.marquee.catalog.tmdb;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Chooses the TMDB response cache: Redis when the operator configured one ({@code spring.data.redis.url}
 * or {@code spring.data.redis.host}), so every node shares it; else Caffeine in this process.
 */
@Configuration(proxyBeanMethods = false)
class TmdbCacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TmdbCacheConfiguration.class);

    @Bean
    TmdbResponseCache tmdbResponseCache(Environment environment, TmdbProperties properties, Clock clock,
            ObjectProvider<StringRedisTemplate> redis) {
        if (redisConfigured(environment)) {
            log.info("TMDB response cache: Redis (TTL {})", properties.cacheTtl());
            return new RedisResponseCache(redis.getObject(), properties);
        }
        log.info("TMDB response cache: in-process Caffeine (TTL {})", properties.cacheTtl());
        return new CaffeineResponseCache(properties, clock);
    }

    static boolean redisConfigured(Environment environment) {
        return hasText(environment.getProperty("spring.data.redis.url"))
                || hasText(environment.getProperty("spring.data.redis.host"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
