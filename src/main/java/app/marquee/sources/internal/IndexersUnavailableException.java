package app.marquee.sources.internal;

import java.util.List;

/** No indexer answered a search: the task that asked backs off, and the movie stays unsearched. */
final class IndexersUnavailableException extends RuntimeException {

    IndexersUnavailableException(List<String> failures) {
        super("no indexer answered: " + String.join("; ", failures));
    }
}
