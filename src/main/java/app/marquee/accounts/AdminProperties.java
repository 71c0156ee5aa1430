package app.marquee.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import app.marquee.platform.Secrets;

/**
 * The first admin, created at start-up when both are set and no user exists yet
 * ({@code marquee.admin.*}, {@code MARQUEE_ADMIN_EMAIL} and {@code MARQUEE_ADMIN_PASSWORD}).
 */
@Validated
@ConfigurationProperties(prefix = "marquee.admin", ignoreUnknownFields = false)
public record AdminProperties(
        @Nullable @Email String email,
        @Nullable @Size(min = 8, message = "must be at least 8 characters") String password) {

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + ", password=" + Secrets.mask(password) + "]";
    }
}
