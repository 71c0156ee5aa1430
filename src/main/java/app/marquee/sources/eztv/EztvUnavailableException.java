package app.marquee.sources.eztv;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * No EZTV mirror could answer a request: each failed (timeout, refused connection, error status, a page that is
 * not the EZTV API) or is cooling down after failing. The message names each mirror and why. Nothing is known
 * about the show; ask again later.
 */
public final class EztvUnavailableException extends RuntimeException {

    private final Map<URI, String> reasons;

    EztvUnavailableException(String what, Map<URI, String> reasons) {
        super("no EZTV mirror answered " + what + ": " + reasons.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** Why each mirror gave no answer, by API root, in the order they were tried. */
    public Map<URI, String> reasons() {
        return reasons;
    }
}
