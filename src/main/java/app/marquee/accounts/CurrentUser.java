package app.marquee.accounts;

import org.jspecify.annotations.Nullable;

/**
 * The authenticated caller of a request: take it in a controller with
 * {@code @AuthenticationPrincipal CurrentUser user}. Other modules key their per-user data on {@link #id()}.
 *
 * @param id the user's id
 * @param email the user's email address
 * @param role the user's role, read from the database on every request (a demotion takes effect at once)
 * @param displayName the name the user goes by, if they gave one
 * @param sessionId the session (profile) the request was made in
 */
public record CurrentUser(String id, String email, Role role, @Nullable String displayName, String sessionId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
