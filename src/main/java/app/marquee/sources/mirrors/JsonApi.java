package app.marquee.sources.mirrors;

import java.net.URI;
import java.net.http.HttpResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * A JSON API with mirrors (YTS, EZTV): its answers are text; a request is a path and query under a mirror's
 * root. Such APIs have no 4xx for a well-formed search, so a mirror that sends one is dead or now something
 * else; a 200 whose body the API's {@link ApiMirror.Reader} does not recognise (a parking page) is a failure too.
 */
final class JsonApi extends ApiProtocol<String> {

    private static final Logger log = LoggerFactory.getLogger(JsonApi.class);

    private final String api;
    private final ApiMirror.Reader reader;

    JsonApi(String api, ApiMirror.Reader reader) {
        super(HttpResponse.BodyHandlers.ofString(), "application/json");
        this.api = api;
        this.reader = reader;
    }

    @Override
    public URI uri(URI root, String pathAndQuery) {
        return URI.create(root.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    @Override
    public String refused(URI root, int status, String body) {
        if (status >= 400 && status < 500) {
            log.warn("{} mirror {} answered {} to a search; counting it as a failed mirror", api, root, status);
            return "answered " + status + " (a 4xx: the mirror is likely dead or moved)";
        }
        return "answered " + status;
    }

    /**
     * The payload of a 200, as the reader reads it.
     *
     * @throws ApiMirror.Failure when the body is not this API's answer
     */
    JsonNode read(HttpResponse<String> response) {
        JsonNode data = reader.read(response.body());
        if (data == null) {
            throw new ApiMirror.Failure("answered 200 with something other than the " + api + " API ("
                    + response.headers().firstValue("Content-Type").orElse("no content type") + ": "
                    + reader.describe(response.body()) + ")");
        }
        return data;
    }
}
