package app.marquee.sources.mirrors;

import java.net.URI;
import java.net.http.HttpResponse;

/**
 * How one indexer API is spoken over HTTP, for {@link ApiMirror}: what its answers are read as, what its
 * requests accept, where a request goes under an endpoint's root, what an error status means and what must
 * never show in a message. What a 200 holds is read by each request's own reader; a 429 is rate limiting and a
 * timeout or a refused connection a failure for every API alike, so those are {@link ApiMirror}'s.
 *
 * @param <B> what the body of an answer is read as
 */
public abstract class ApiProtocol<B> {

    private final HttpResponse.BodyHandler<B> bodyHandler;
    private final String accept;

    /**
     * @param bodyHandler what the body of every answer is read as
     * @param accept the {@code Accept} header of every request
     */
    protected ApiProtocol(HttpResponse.BodyHandler<B> bodyHandler, String accept) {
        this.bodyHandler = bodyHandler;
        this.accept = accept;
    }

    /** Where {@code request} (what a client asks, such as a path and query) goes under the endpoint {@code root}. */
    public abstract URI uri(URI root, String request);

    /** Why an answer with this status (neither 200 nor 429) is a failure of the endpoint at {@code root}. */
    public abstract String refused(URI root, int status, B body);

    /** The text with anything secret in it (an API key) masked, before it is kept, logged or thrown. */
    public String redact(String text) {
        return text;
    }

    final HttpResponse.BodyHandler<B> bodyHandler() {
        return bodyHandler;
    }

    final String accept() {
        return accept;
    }
}
