package app.marquee.sources.mirrors;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * No mirror of an indexer API could answer a request: each failed (timeout, refused connection, error status, a
 * page that is not the API) or is cooling down after failing. The message names each mirror and why. Each API's
 * client throws its own kind ({@code YtsUnavailableException}...).
 */
public abstract class MirrorsUnavailableException extends RuntimeException {

    private final Map<URI, String> reasons;

    /**
     * @param api the API's name ({@code YTS})
     * @param what what was asked ({@code tt0111161})
     * @param reasons why each mirror gave no answer, in the order they were tried
     */
    protected MirrorsUnavailableException(String api, String what, Map<URI, String> reasons) {
        super("no " + api + " mirror answered " + what + ": " + reasons.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** Why each mirror gave no answer, by API root, in the order they were tried. */
    public Map<URI, String> reasons() {
        return reasons;
    }
}
