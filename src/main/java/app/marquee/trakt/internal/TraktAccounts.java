package app.marquee.trakt.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.marquee.platform.ApiException;
import app.marquee.trakt.client.TraktClient;
import app.marquee.trakt.client.TraktClient.Profile;
import app.marquee.trakt.client.TraktClient.Tokens;
import app.marquee.trakt.client.TraktUnavailableException;

/**
 * Trakt accounts and the Marquee users they are linked to. One Trakt account per user, one user per Trakt
 * account. Calls to Trakt happen outside transactions; the rows change in short ones.
 */
@Component
public class TraktAccounts {

    /** Refresh a token when it has less than this left, so a scrobble never meets an expired one. */
    static final Duration REFRESH_AHEAD = Duration.ofHours(24);

    private final TraktAccountRepository accounts;
    private final TraktClient trakt;
    private final TransactionTemplate write;
    private final TransactionTemplate read;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentMap<String, Object> refreshLocks =
            new java.util.concurrent.ConcurrentHashMap<>();

    public TraktAccounts(TraktAccountRepository accounts, TraktClient trakt, PlatformTransactionManager transactions,
            Clock clock) {
        this.accounts = accounts;
        this.trakt = trakt;
        this.write = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.clock = clock;
    }

    /** What the API shows of a link. */
    public record Association(boolean associated, @Nullable String traktUsername, @Nullable String traktSlug) {
        static final Association NONE = new Association(false, null, null);
    }

    public Association association(String userId) {
        return read.execute(status -> accounts.findByUserId(userId)
                .map(a -> new Association(true, a.getTraktUsername(), a.getTraktSlug()))
                .orElse(Association.NONE));
    }

    /**
     * Keeps the tokens of an approved device login, and answers the Marquee user linked to that Trakt account.
     */
    public Optional<String> approved(Profile profile, Tokens tokens) {
        return Optional.ofNullable(write.execute(status -> {
            TraktAccount account = slug(profile.slug());
            keepTokens(account, profile.username(), tokens);
            return account.getUserId();
        }));
    }

    /**
     * Links the user's own Trakt account after a device login.
     *
     * @throws ApiException 409 when that Trakt account is linked to another user
     */
    public Association link(String userId, Profile profile, Tokens tokens) {
        return write.execute(status -> {
            TraktAccount account = slug(profile.slug());
            if (account.getUserId() != null && !account.getUserId().equals(userId)) {
                throw new ApiException(HttpStatus.CONFLICT, "Trakt account already associated with another user");
            }
            accounts.findByUserId(userId).filter(other -> !other.getTraktSlug().equals(profile.slug()))
                    .ifPresent(other -> {
                        other.linkTo(null, clock.instant());
                        other.forgetTokens(clock.instant());
                        accounts.saveAndFlush(other);
                    });
            account.linkTo(userId, clock.instant());
            keepTokens(account, profile.username(), tokens);
            return new Association(true, account.getTraktUsername(), account.getTraktSlug());
        });
    }

    /**
     * Links a Trakt slug to a user, as an admin does; the user logs in through Trakt afterwards.
     *
     * @throws ApiException 409 when the user is linked to another Trakt account
     */
    public TraktAccount associate(String traktSlug, String userId) {
        return write.execute(status -> {
            accounts.findByUserId(userId).filter(other -> !other.getTraktSlug().equals(traktSlug)).ifPresent(other -> {
                throw new ApiException(HttpStatus.CONFLICT, "User already associated with another Trakt account");
            });
            TraktAccount account = slug(traktSlug);
            account.linkTo(userId, clock.instant());
            return accounts.save(account);
        });
    }

    /** Unlinks the user's Trakt account and revokes its token at Trakt (best effort). */
    public void unlink(String userId) {
        String token = write.execute(status -> accounts.findByUserId(userId).map(account -> {
            String access = account.getAccessToken();
            account.linkTo(null, clock.instant());
            account.forgetTokens(clock.instant());
            return access;
        }).orElse(null));
        if (token != null) {
            try {
                trakt.revoke(token);
            } catch (TraktUnavailableException e) {
                // the token is forgotten here; at worst it lives on at Trakt until it expires
            }
        }
    }

    /**
     * A usable access token of the user's Trakt account, refreshed first when it expires within a day or when
     * {@code force} says Trakt refused it.
     *
     * @return empty when the user has no linked account with tokens
     * @throws TraktUnavailableException when a needed refresh fails
     */
    public Optional<String> accessToken(String userId, boolean force) {
        Held held = held(userId);
        if (held == null) {
            return Optional.empty();
        }
        if (isFresh(held) && !force) {
            return Optional.of(held.access());
        }
        // A refresh token works once: two refreshes of one user at the same time would leave one of them
        // with a dead token. So refreshes of a user take turns, and each first looks whether the one before
        // it already did the work.
        synchronized (refreshLocks.computeIfAbsent(userId, id -> new Object())) {
            Held current = held(userId);
            if (current == null) {
                return Optional.empty();
            }
            if (!current.refresh().equals(held.refresh())) {
                return Optional.of(current.access()); // refreshed meanwhile
            }
            Tokens tokens;
            try {
                tokens = trakt.refresh(current.refresh());
            } catch (TraktUnavailableException e) {
                Held after = held(userId);
                if (after != null && !after.refresh().equals(current.refresh())) {
                    return Optional.of(after.access()); // another node refreshed it first
                }
                throw e;
            }
            write.executeWithoutResult(status -> accounts.findById(current.id())
                    .ifPresent(account -> keepTokens(account, null, tokens)));
            return Optional.of(tokens.accessToken());
        }
    }

    private record Held(Long id, String access, String refresh, @Nullable Instant expiresAt) {
    }

    private @Nullable Held held(String userId) {
        return read.execute(status -> accounts.findByUserId(userId).filter(TraktAccount::hasTokens)
                .map(a -> new Held(a.getId(), a.getAccessToken(), a.getRefreshToken(), a.getTokenExpiresAt()))
                .orElse(null));
    }

    private boolean isFresh(Held held) {
        return held.expiresAt() != null && held.expiresAt().isAfter(clock.instant().plus(REFRESH_AHEAD));
    }

    private TraktAccount slug(String slug) {
        return accounts.findByTraktSlug(slug).orElseGet(() -> accounts.save(new TraktAccount(slug, clock.instant())));
    }

    private void keepTokens(TraktAccount account, @Nullable String username, Tokens tokens) {
        Instant created = tokens.createdAt() > 0 ? Instant.ofEpochSecond(tokens.createdAt()) : clock.instant();
        account.tokens(username, tokens.accessToken(), tokens.refreshToken(), created.plusSeconds(tokens.expiresIn()),
                tokens.scope(), clock.instant());
    }
}
