package app.marquee.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.platform.ApiError;

/**
 * Errors raised outside a controller (a filter, the servlet container) in API.md's JSON shape, instead
 * of Spring Boot's default body.
 */
@RestController
final class ApiErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiError> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (response.isCommitted()) {
            // a response that had started (a video stream cut off): nothing can be added to it
            return ResponseEntity.status(status).build();
        }
        String error = status == HttpStatus.NOT_FOUND ? "Not found" : status.getReasonPhrase();
        return ResponseEntity.status(status).body(ApiError.of(error));
    }
}
