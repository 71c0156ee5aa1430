package app.marquee.streaming.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.marquee.streaming.StreamingApi;

/** {@link StreamingApi} over {@link StreamingKeys}. */
@Component
class KeyGrants implements StreamingApi {

    private final StreamingKeys keys;

    KeyGrants(StreamingKeys keys) {
        this.keys = keys;
    }

    @Override
    public Optional<Grant> grant(String key) {
        return keys.resolve(key).map(g -> new Grant(g.userId(), g.movieId(), g.episodeId(), g.sourceId(), g.expiresAt()));
    }
}
