package app.marquee.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the API answers with its own status and the JSON body {@code {"error": ..., "message": ...}}
 * of API.md. Throw it from any module; the platform turns it into the response.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final @Nullable String detail;

    public ApiException(HttpStatus status, String error) {
        this(status, error, null);
    }

    public ApiException(HttpStatus status, String error, @Nullable String message) {
        super(message == null ? error : error + ": " + message);
        this.status = status;
        this.error = error;
        this.detail = message;
    }

    public HttpStatus status() {
        return status;
    }

    /** The short text of the {@code error} field. */
    public String error() {
        return error;
    }

    /** The optional {@code message} field. */
    public @Nullable String detail() {
        return detail;
    }
}
