package app.marquee.platform;

import org.springframework.core.env.Environment;

/**
 * Whether the operator configured Redis ({@code spring.data.redis.url} or {@code spring.data.redis.host}).
 * Only then do caches and rate limits move to Redis; without it Marquee never tries to connect to one.
 */
public final class RedisSettings {

    private RedisSettings() {
    }

    public static boolean isConfigured(Environment environment) {
        return Secrets.isSet(environment.getProperty("spring.data.redis.url"))
                || Secrets.isSet(environment.getProperty("spring.data.redis.host"));
    }
}
