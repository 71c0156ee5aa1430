package app.marquee.accounts.web;

import org.jspecify.annotations.Nullable;

import app.marquee.accounts.internal.User;

/** API.md's {@code UserDto}. */
public record UserDto(String id, String email, @Nullable String displayName, String role) {

    static UserDto of(User user) {
        return new UserDto(user.getId(), user.getEmail(), user.getDisplayName(), user.getRole().value());
    }
}
