package app.marquee.trakt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.ApiClient.Response;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeTrakt;
import app.marquee.support.MovableClock;
import app.marquee.support.MovableClockConfiguration;
import app.marquee.trakt.internal.TraktOutbox;
import app.marquee.trakt.internal.WatchlistImport;

/** Trakt linking, device logins and the scrobble outbox, against a local fake Trakt. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClockConfiguration.class)
class TraktIT {

    @TempDir
    static Path dataDir;

    static final FakeTrakt trakt;
    static final FakeTmdb tmdb = FakeTmdb.start();

    static {
        try {
            trakt = new FakeTrakt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        registry.add("marquee.trakt.base-url", trakt::baseUrl);
        registry.add("marquee.trakt.client-id", () -> FakeTrakt.CLIENT_ID);
        registry.add("marquee.trakt.client-secret", () -> FakeTrakt.CLIENT_SECRET);
    }

    @AfterAll
    static void stopFake() {
        trakt.close();
        tmdb.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    TraktOutbox outbox;

    @Autowired
    WatchlistImport watchlists;

    @Autowired
    app.marquee.trakt.internal.TraktAccounts traktAccounts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void traktIsUp() {
        trakt.down(false);
        trakt.duplicateWrites(false);
        trakt.tokenLifetime(7_776_000);
    }

    /** A new user; returns their logged-in client and email. */
    record Member(ApiClient client, String email) {
    }

    Member member() {
        String email = "member-" + System.nanoTime() + "@example.com";
        assertThat(ApiClient.admin(port).post("/api/auth/users",
                Map.of("email", email, "password", "password!", "role", "user")).status()).isEqualTo(201);
        return new Member(ApiClient.anonymous(port).login(email, "password!"), email);
    }

    /** Links the member's own Trakt account {@code slug} through the device flow; returns their user id. */
    String link(Member member, String slug) {
        String code = member.client().post("/api/trakt/device", "").json().path("deviceCode").asString();
        trakt.script(code, 200);
        trakt.approveAs(code, slug, slug);
        assertThat(member.client().post("/api/trakt/link", Map.of("deviceCode", code)).status()).isEqualTo(200);
        return member.client().get("/api/auth/session").json().path("user").path("id").asString();
    }

    String startDeviceLogin(ApiClient client) {
        Response start = client.post("/api/auth/device/trakt", "");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.json().path("codeUrl").asString()).isEqualTo("https://trakt.tv/activate");
        assertThat(start.json().path("interval").asInt()).isEqualTo(5);
        assertThat(start.json().path("expiresIn").asInt()).isEqualTo(600);
        assertThat(start.json().path("expiresAt").asString()).isNotBlank();
        return start.json().path("deviceCode").asString();
    }

    @Nested
    class DeviceLogin {

        @Test
        void pendingPollsAndASlowDownEndInALoggedInSessionOfTheLinkedUser() {
            Member member = member();
            String slug = "viewer-" + System.nanoTime();
            assertThat(ApiClient.admin(port).post("/api/trakt/admin/associate",
                    Map.of("traktSlug", slug, "userEmail", member.email())).json().path("success").asBoolean()).isTrue();

            ApiClient tv = ApiClient.anonymous(port);
            String code = startDeviceLogin(tv);
            trakt.script(code, 400, 429, 400, 200);
            trakt.approveAs(code, slug, "Viewer");

            assertThat(poll(tv, code).status()).isEqualTo(202);
            Response slowDown = poll(tv, code);
            assertThat(slowDown.status()).isEqualTo(202);
            assertThat(slowDown.json().path("slowDown").asBoolean()).isTrue();
            Response pending = poll(tv, code);
            assertThat(pending.status()).isEqualTo(202);
            assertThat(pending.json().path("pending").asBoolean()).isTrue();

            Response login = poll(tv, code);
            assertThat(login.status()).isEqualTo(200);
            String session = login.json().path("session").asString();
            assertThat(login.json().path("user").path("email").asString()).isEqualTo(member.email());
            assertThat(login.raw().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("__at_" + session));
            tv.header("X-Session-Id", session);
            assertThat(tv.get("/api/auth/session").json().path("user").path("email").asString()).isEqualTo(member.email());
            assertThat(tv.get("/api/trakt/association").json().path("traktUsername").asString()).isEqualTo("Viewer");

            assertThat(poll(tv, code).status()).as("a device code logs in once").isEqualTo(409);
            assertThat(trakt.badHeaders()).isEmpty();
        }

        @Test
        void anUnlinkedTraktAccountCannotLogIn() {
            ApiClient tv = ApiClient.anonymous(port);
            String code = startDeviceLogin(tv);
            trakt.script(code, 200);
            trakt.approveAs(code, "stranger-" + System.nanoTime(), "Stranger");
            Response answer = poll(tv, code);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().path("error").asString()).isEqualTo("Trakt account not associated with a user");
        }

        @Test
        void expiredDeniedUnknownAndMalformedCodesGetClearErrors() {
            ApiClient tv = ApiClient.anonymous(port);
            String expired = startDeviceLogin(tv);
            trakt.script(expired, 410);
            Response gone = poll(tv, expired);
            assertThat(gone.status()).isEqualTo(410);
            assertThat(gone.json().path("error").asString()).isEqualTo("Device code expired");

            String denied = startDeviceLogin(tv);
            trakt.script(denied, 418);
            Response refused = poll(tv, denied);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("error").asString()).isEqualTo("Trakt authorization denied");

            assertThat(poll(tv, "0".repeat(64)).json().path("error").asString()).isEqualTo("Invalid device code");
            assertThat(tv.post("/api/auth/login/trakt", Map.of("deviceCode", "../etc")).status()).isEqualTo(400);
            assertThat(tv.post("/api/auth/login/trakt", Map.of()).status()).isEqualTo(400);
        }

        private Response poll(ApiClient client, String code) {
            return client.post("/api/auth/login/trakt", Map.of("deviceCode", code));
        }
    }

    @Nested
    class Linking {

        @Test
        void aUserLinksTheirOwnAccountAndUnlinksIt() {
            Member member = member();
            assertThat(member.client().get("/api/trakt/association").json().path("associated").asBoolean()).isFalse();
            Response start = member.client().post("/api/trakt/device", "");
            String code = start.json().path("deviceCode").asString();
            String slug = "self-" + System.nanoTime();
            trakt.script(code, 400, 200);
            trakt.approveAs(code, slug, "Self Linked");

            assertThat(member.client().post("/api/trakt/link", Map.of("deviceCode", code)).status()).isEqualTo(202);
            Response linked = member.client().post("/api/trakt/link", Map.of("deviceCode", code));
            assertThat(linked.status()).isEqualTo(200);
            assertThat(linked.json().path("traktSlug").asString()).isEqualTo(slug);

            String storedAccess = jdbc.queryForObject("SELECT access_token FROM trakt_user WHERE trakt_slug = ?",
                    String.class, slug);
            String storedRefresh = jdbc.queryForObject("SELECT refresh_token FROM trakt_user WHERE trakt_slug = ?",
                    String.class, slug);
            assertThat(storedAccess).as("tokens are encrypted at rest").startsWith("k1:").doesNotContain("fake-access");
            assertThat(storedRefresh).startsWith("k1:").doesNotContain("fake-refresh");

            Response unlinked = member.client().delete("/api/trakt/link");
            assertThat(unlinked.json().path("associated").asBoolean()).isFalse();
            assertThat(trakt.revoked()).isNotEmpty();
            assertThat(jdbc.queryForObject("SELECT access_token FROM trakt_user WHERE trakt_slug = ?", String.class, slug))
                    .isNull();
        }

        @Test
        void anAdminAssociatesBySlugAndEmailButOnlyAdminsMay() {
            Member member = member();
            Response denied = member.client().post("/api/trakt/admin/associate",
                    Map.of("traktSlug", "x", "userEmail", member.email()));
            assertThat(denied.status()).isEqualTo(403);

            ApiClient admin = ApiClient.admin(port);
            Response linked = admin.post("/api/trakt/admin/associate",
                    Map.of("traktSlug", "slug-" + System.nanoTime(), "userEmail", member.email().toUpperCase()));
            assertThat(linked.status()).isEqualTo(200);
            assertThat(linked.json().path("association").path("userEmail").asString()).isEqualTo(member.email());
            assertThat(linked.json().path("association").path("id").isNumber()).isTrue();
            assertThat(admin.post("/api/trakt/admin/associate",
                    Map.of("traktSlug", "another-slug", "userEmail", member.email())).status()).isEqualTo(409);
            assertThat(admin.post("/api/trakt/admin/associate",
                    Map.of("traktSlug", "a-slug", "userEmail", "nobody@example.com")).status()).isEqualTo(404);
            assertThat(admin.post("/api/trakt/admin/associate",
                    Map.of("traktSlug", "bad slug!", "userEmail", member.email())).status()).isEqualTo(400);
        }
    }

    @Nested
    class Progress {

        @Test
        void progressRoundTripsPerUserAndNobodyReadsAnothersProgress() {
            Member ana = member();
            Member bob = member();
            assertThat(ana.client().post("/api/progress", Map.of("type", "movie", "progress", 0.42, "status", "watching",
                    "movieId", 105)).status()).isEqualTo(204);
            assertThat(ana.client().post("/api/progress", Map.of("type", "episode", "progress", 0.1, "status", "paused",
                    "showId", 1220, "season", 2, "episode", 3)).status()).isEqualTo(204);
            assertThat(ana.client().post("/api/progress", Map.of("type", "movie", "progress", 0.5, "status", "paused",
                    "movieId", 105)).status()).as("a second report updates the first").isEqualTo(204);

            Response mine = ana.client().get("/api/progress");
            assertThat(mine.status()).isEqualTo(200);
            var entries = mine.json().path("progress");
            assertThat(entries.size()).isEqualTo(2);
            var movie = entries.get(0).path("type").asString().equals("movie") ? entries.get(0) : entries.get(1);
            var episode = entries.get(0).path("type").asString().equals("episode") ? entries.get(0) : entries.get(1);
            assertThat(movie.path("movieId").asInt()).isEqualTo(105);
            assertThat(movie.path("progress").asDouble()).isEqualTo(0.5);
            assertThat(movie.path("status").asString()).isEqualTo("paused");
            assertThat(movie.has("showId")).isFalse();
            assertThat(episode.path("showId").asInt()).isEqualTo(1220);
            assertThat(episode.path("season").asInt()).isEqualTo(2);
            assertThat(episode.path("episode").asInt()).isEqualTo(3);
            assertThat(episode.path("updatedAt").asString()).isNotBlank();

            assertThat(bob.client().get("/api/progress").json().path("progress").size()).isZero();
            assertThat(ApiClient.anonymous(port).get("/api/progress").status()).isEqualTo(401);
        }

        @Test
        void badReportsAre400AndUnknownTitles404AndNothingIsStored() {
            Member member = member();
            ApiClient client = member.client();
            assertThat(client.post("/api/progress", Map.of("type", "movie", "progress", 1.5, "status", "watching",
                    "movieId", 105)).status()).isEqualTo(400);
            assertThat(client.post("/api/progress", Map.of("type", "movie", "progress", 0.5, "status", "rewinding",
                    "movieId", 105)).status()).isEqualTo(400);
            assertThat(client.post("/api/progress", Map.of("type", "song", "progress", 0.5, "status", "paused",
                    "movieId", 105)).status()).isEqualTo(400);
            assertThat(client.post("/api/progress", Map.of("type", "episode", "progress", 0.5, "status", "paused",
                    "showId", 1220)).status()).isEqualTo(400);
            assertThat(client.post("/api/progress", Map.of("type", "movie", "progress", 0.5, "status", "paused",
                    "movieId", -3)).status()).isEqualTo(400);
            assertThat(client.post("/api/progress", "{\"type\":\"movie\",\"progress\":\"half\"}").status())
                    .isEqualTo(400);
            Response unknown = client.post("/api/progress", Map.of("type", "movie", "progress", 0.5, "status", "paused",
                    "movieId", 999_999_999));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("error").asString()).isEqualTo("Movie not found");
            assertThat(client.post("/api/progress", Map.of("type", "episode", "progress", 0.5, "status", "paused",
                    "showId", 1220, "season", 2, "episode", 999)).json().path("error").asString())
                    .isEqualTo("Episode not found");
            assertThat(client.get("/api/progress").json().path("progress").size()).isZero();
        }

        @Test
        void aLinkedUsersProgressIsScrobbledAndAFinishedMovieGoesToHistory() {
            Member member = member();
            link(member, "progress-" + System.nanoTime());

            int before = trakt.writes().size();
            member.client().post("/api/progress", Map.of("type", "movie", "progress", 0.05, "status", "watching",
                    "movieId", 105));
            member.client().post("/api/progress", Map.of("type", "movie", "progress", 0.95, "status", "completed",
                    "movieId", 105));
            member.client().post("/api/progress", Map.of("type", "episode", "progress", 0.3, "status", "paused",
                    "showId", 1220, "season", 2, "episode", 3));
            outbox.deliverDue();

            List<String> sent = trakt.writes().subList(before, trakt.writes().size());
            assertThat(sent).anySatisfy(w -> assertThat(w).startsWith("/scrobble/start ").contains("\"tmdb\":105")
                    .contains("\"progress\":5.0"));
            assertThat(sent).anySatisfy(w -> assertThat(w).startsWith("/scrobble/stop ").contains("\"progress\":95.0"));
            assertThat(sent).anySatisfy(w -> assertThat(w).startsWith("/sync/history ").contains("\"movies\"")
                    .contains("watched_at"));
            assertThat(sent).anySatisfy(w -> assertThat(w).startsWith("/scrobble/pause ").contains("\"tmdb\":1220")
                    .contains("\"season\":2").contains("\"number\":3"));
            assertThat(sent).hasSize(4);
        }
    }

    @Nested
    class Watchlist {

        @Test
        void aLinkedUsersWatchlistBecomesAListOnlyTheySee() {
            Member member = member();
            String slug = "watcher-" + System.nanoTime();
            trakt.watchlist(slug, List.of(105, 999_999_999), List.of(1220));
            String userId = link(member, slug);
            watchlists.importFor(userId);

            String listSlug = WatchlistImport.slug(userId);
            assertThat(member.client().get("/api/lists").json().findValuesAsString("slug")).contains(listSlug);
            Response list = member.client().get("/api/list/" + listSlug);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().path("total").asInt()).as("the title TMDB does not know is left out").isEqualTo(2);
            assertThat(list.json().path("results").get(0).path("tmdbId").asInt()).isEqualTo(105);
            assertThat(list.json().path("results").get(1).path("_type").asString()).isEqualTo("tvshow");

            trakt.watchlist(slug, List.of(), List.of(1220));
            watchlists.importFor(userId);
            assertThat(member.client().get("/api/list/" + listSlug).json().path("total").asInt())
                    .as("a refresh replaces the list").isEqualTo(1);

            Member other = member();
            assertThat(other.client().get("/api/lists").json().findValuesAsString("slug")).doesNotContain(listSlug);
            assertThat(other.client().get("/api/list/" + listSlug).status()).isEqualTo(404);
        }
    }

    @Nested
    class Outbox {

        @Test
        void whileTraktIsDownScrobblesWaitAndAreDeliveredExactlyOnceWhenItReturns() {
            String userId = linkedUser();
            trakt.down(true);
            for (String action : new String[] {"start", "pause", "stop"}) {
                assertThat(outbox.enqueue(userId, "/scrobble/" + action, scrobble(action), "test:" + userId + ":" + action))
                        .isTrue();
            }
            assertThat(outbox.enqueue(userId, "/scrobble/stop", scrobble("stop"), "test:" + userId + ":stop"))
                    .as("the same event is queued once").isFalse();

            int before = trakt.writes().size();
            outbox.deliverDue();
            assertThat(trakt.writes()).hasSize(before);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trakt_outbox WHERE user_id = ? AND attempts = 1 "
                    + "AND delivered_at IS NULL", Integer.class, userId)).isEqualTo(3);

            trakt.down(false);
            outbox.deliverDue();
            assertThat(trakt.writes()).as("not before the back-off has passed").hasSize(before);
            clock.advance(Duration.ofSeconds(6));
            outbox.deliverDue();
            outbox.deliverDue();
            clock.advance(Duration.ofHours(2));
            outbox.deliverDue();

            assertThat(trakt.writes().subList(before, trakt.writes().size())).hasSize(3)
                    .anySatisfy(w -> assertThat(w).startsWith("/scrobble/start "))
                    .anySatisfy(w -> assertThat(w).startsWith("/scrobble/pause "))
                    .anySatisfy(w -> assertThat(w).startsWith("/scrobble/stop "));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trakt_outbox WHERE user_id = ? AND delivered_at IS NOT NULL",
                    Integer.class, userId)).isEqualTo(3);
        }

        @Test
        void aWriteTraktAlreadyHasCountsAsDeliveredAndIsNotRetried() {
            String userId = linkedUser();
            trakt.duplicateWrites(true);
            outbox.enqueue(userId, "/sync/history", "{\"movies\":[{\"ids\":{\"tmdb\":105}}]}", "dup:" + userId);
            outbox.deliverDue();
            assertThat(jdbc.queryForObject("SELECT delivered_at IS NOT NULL FROM trakt_outbox WHERE dedupe_key = ?",
                    Boolean.class, "dup:" + userId)).isTrue();
        }

        @Test
        void aTokenNearItsExpiryIsRefreshedBeforeItIsUsed() {
            trakt.tokenLifetime(3600);
            String userId = linkedUser();
            int refreshes = trakt.refreshes();
            outbox.enqueue(userId, "/scrobble/start", scrobble("start"), "refresh:" + userId);
            outbox.deliverDue();
            // (linking also starts a watchlist import in the background, which may refresh first)
            assertThat(trakt.refreshes()).isGreaterThan(refreshes);
            assertThat(trakt.writes()).anySatisfy(w -> assertThat(w).contains("\"tmdb\":105"));
        }

        @Test
        void concurrentRefreshesOfOneUserAllEndWithALiveToken() throws Exception {
            trakt.tokenLifetime(3600);
            String userId = linkedUser();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                var tokens = java.util.stream.IntStream.range(0, 8)
                        .mapToObj(i -> pool.submit(() -> traktAccounts.accessToken(userId, true).orElseThrow()))
                        .toList();
                for (var token : tokens) {
                    assertThat(token.get()).isNotBlank();
                }
            }
            assertThat(trakt.isAccessTokenLive(traktAccounts.accessToken(userId, false).orElseThrow()))
                    .as("the token kept is the one Trakt knows").isTrue();
        }

        @Test
        void usersWithoutALinkedAccountQueueNothing() {
            assertThat(outbox.enqueue(member().client().get("/api/auth/session").json().path("user").path("id")
                    .asString(), "/scrobble/start", scrobble("start"), "none")).isFalse();
        }

        private String linkedUser() {
            return link(member(), "outbox-" + System.nanoTime());
        }

        private static String scrobble(String action) {
            return "{\"movie\":{\"ids\":{\"tmdb\":105}},\"progress\":" + ("stop".equals(action) ? 90 : 10) + "}";
        }
    }
}
