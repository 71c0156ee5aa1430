package app.marquee.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/** The error body of every API failure: {@code {"error": "<short text>", "message": "<more>"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, @Nullable String message) {

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
