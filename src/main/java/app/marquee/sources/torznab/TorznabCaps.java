package app.marquee.sources.torznab;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one Torznab endpoint can search ({@code t=caps}): the parameters of its movie and TV searches, null for a
 * search it does not offer. An endpoint whose caps cannot be read is assumed to take the spec's basics.
 */
record TorznabCaps(@Nullable Set<String> movieParams, @Nullable Set<String> tvParams) {

    /** What the spec lets a client assume: both searches, by text, TV also by season and episode. */
    static final TorznabCaps BASIC = new TorznabCaps(Set.of("q"), Set.of("q", "season", "ep"));

    TorznabCaps {
        movieParams = movieParams == null ? null : Set.copyOf(movieParams);
        tvParams = tvParams == null ? null : Set.copyOf(tvParams);
    }

    boolean tv(String param) {
        return tvParams != null && tvParams.contains(param);
    }
}
