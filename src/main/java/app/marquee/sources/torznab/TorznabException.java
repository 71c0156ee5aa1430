package app.marquee.sources.torznab;

/**
 * A Torznab endpoint gave no usable answer: it timed out, could not be reached, answered an error status, a
 * Torznab {@code <error>} (such as 100, a wrong API key) or something other than Torznab XML, or it is skipped
 * while cooling down after one of those. The message names the endpoint and the reason, never its API key.
 */
public final class TorznabException extends RuntimeException {

    private final String indexer;
    private final String reason;

    TorznabException(String indexer, String reason) {
        super("Torznab indexer " + indexer + " gave no answer: " + reason);
        this.indexer = indexer;
        this.reason = reason;
    }

    /** The configured name of the endpoint. */
    public String indexer() {
        return indexer;
    }

    /** Why it gave no answer. */
    public String reason() {
        return reason;
    }
}
