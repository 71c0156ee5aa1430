package app.marquee.trakt.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.marquee.catalog.CatalogApi;
import app.marquee.catalog.TitleRef;
import app.marquee.platform.ApiException;
import app.marquee.trakt.client.TraktClient;
import app.marquee.trakt.client.TraktClient.WatchlistItem;
import app.marquee.trakt.client.TraktUnavailableException;

/**
 * Imports each linked user's Trakt watchlist (movies, then shows, in Trakt's order) as a list of their own,
 * {@code watchlist-<user id>}, every six hours and right after an account is linked. A user whose import
 * fails keeps the list they had; the others are imported all the same.
 */
@Component
public class WatchlistImport {

    private static final Logger log = LoggerFactory.getLogger(WatchlistImport.class);

    private final TraktAccountRepository accounts;
    private final TraktAccounts traktAccounts;
    private final TraktClient trakt;
    private final CatalogApi catalog;
    private final TransactionTemplate read;

    public WatchlistImport(TraktAccountRepository accounts, TraktAccounts traktAccounts, TraktClient trakt,
            CatalogApi catalog, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.traktAccounts = traktAccounts;
        this.trakt = trakt;
        this.catalog = catalog;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    /** The slug of a user's imported watchlist. */
    public static String slug(String userId) {
        return "watchlist-" + userId;
    }

    @Scheduled(fixedDelay = 6 * 60 * 60 * 1000L, initialDelay = 60 * 1000L)
    public void importAll() {
        if (!trakt.isConfigured()) {
            return;
        }
        List<String> users = read.execute(status -> accounts.findAll().stream()
                .filter(TraktAccount::hasTokens).map(TraktAccount::getUserId)
                .filter(java.util.Objects::nonNull).toList());
        for (String userId : users) {
            try {
                importFor(userId);
            } catch (TraktUnavailableException | ApiException e) {
                log.warn("watchlist import of user {} failed, kept the previous one: {}", userId, e.getMessage());
            }
        }
    }

    /** Imports one user's watchlist in the background, so linking does not wait for it. */
    public void importSoon(String userId) {
        Thread.ofVirtual().name("watchlist-import").start(() -> {
            try {
                importFor(userId);
            } catch (TraktUnavailableException | ApiException e) {
                log.warn("watchlist import of user {} failed: {}", userId, e.getMessage());
            }
        });
    }

    /** Imports one user's watchlist now; does nothing for a user without a linked account. */
    public void importFor(String userId) {
        var token = traktAccounts.accessToken(userId, false);
        if (token.isEmpty()) {
            return;
        }
        List<TitleRef> titles = new ArrayList<>();
        for (String kind : List.of("movies", "shows")) {
            for (WatchlistItem item : trakt.watchlist(token.get(), kind)) {
                titles.add(new TitleRef("movie".equals(item.type()) ? TitleRef.Kind.MOVIE : TitleRef.Kind.SHOW,
                        item.tmdbId()));
            }
        }
        catalog.saveUserList(userId, slug(userId), "Trakt watchlist", titles);
    }
}
