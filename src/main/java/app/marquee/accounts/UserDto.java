package app.marquee.accounts;

import org.jspecify.annotations.Nullable;

import app.marquee.accounts.internal.User;

/** API.md's {@code UserDto}: what the API shows of an account. Never a password hash or a token. */
public record UserDto(String id, String email, @Nullable String displayName, String role) {

    public static UserDto of(User user) {
        return new UserDto(user.getId(), user.getEmail(), user.getDisplayName(), user.getRole().value());
    }

    public static UserDto of(CurrentUser user) {
        return new UserDto(user.id(), user.email(), user.displayName(), user.role().value());
    }
}
