package app.marquee.accounts.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

import app.marquee.platform.ApiError;

/** Writes API.md's error body from a filter, where no controller advice runs. */
final class JsonErrors {

    private final JsonMapper json;

    JsonErrors(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, int status, String error, @Nullable String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), new ApiError(error, message));
    }
}
