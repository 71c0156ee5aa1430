package app.marquee.sources.yts;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * No YTS mirror could answer a search: each failed (timeout, refused connection, error status, a page that is
 * not the YTS API) or is cooling down after failing. The message names each mirror and why. Nothing is known
 * about the movie; ask again later.
 */
public final class YtsUnavailableException extends RuntimeException {

    private final Map<URI, String> reasons;

    YtsUnavailableException(String what, Map<URI, String> reasons) {
        super("no YTS mirror answered " + what + ": " + reasons.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** Why each mirror gave no answer, by API root, in the order they were tried. */
    public Map<URI, String> reasons() {
        return reasons;
    }
}
