package app.marquee.accounts.web;

import java.nio.charset.StandardCharsets;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the {@code /api/auth} routes, validated before anything else happens. */
final class AuthRequests {

    /** bcrypt reads at most 72 bytes of a password; a longer one would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private AuthRequests() {
    }

    static boolean fitsBcrypt(String password) {
        return password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    record Login(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password) {
    }

    record Setup(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 8, message = "must be at least 8 characters") String password) {

        @AssertTrue(message = "password must be at most 72 bytes")
        boolean isPasswordShortEnough() {
            return fitsBcrypt(password);
        }
    }

    record CreateUser(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 8, message = "must be at least 8 characters") String password,
            @NotNull @Pattern(regexp = "admin|user", message = "must be \"admin\" or \"user\"") String role) {

        @AssertTrue(message = "password must be at most 72 bytes")
        boolean isPasswordShortEnough() {
            return fitsBcrypt(password);
        }
    }
}
