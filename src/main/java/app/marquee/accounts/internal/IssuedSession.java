package app.marquee.accounts.internal;

import java.time.Instant;

/** What a login or a refresh hands to the client: tokens go into cookies, never into a response body. */
public record IssuedSession(String sessionId, User user, String accessToken, Instant accessExpiresAt,
        String refreshToken, Instant refreshExpiresAt) {
}
