package app.marquee.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.accounts.internal.AuditEntry;
import app.marquee.accounts.internal.AuditEntryRepository;
import app.marquee.support.ApiClient;
import app.marquee.support.ApiClient.Response;
import app.marquee.support.MovableClock;
import app.marquee.support.MovableClockConfiguration;

/**
 * Accounts through real HTTP on a real SQLite file: logins, sessions and cookies, refresh rotation and reuse
 * detection, forged and stale tokens, roles, rate limits, the audit trail and encryption at rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClockConfiguration.class)
class AuthIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("marquee.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    AuditEntryRepository audit;

    @Autowired
    AccountKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    app.marquee.accounts.internal.Sessions sessions;

    /** A user of role "user" with a known password, and an anonymous client to log them in. */
    record Account(String email, String password) {
    }

    Account newUser() {
        String email = "viewer-" + System.nanoTime() + "@example.com";
        Response created = ApiClient.admin(port).post("/api/auth/users",
                Map.of("email", email, "password", "a good password", "role", "user"));
        assertThat(created.status()).isEqualTo(201);
        return new Account(email, "a good password");
    }

    List<AuditEntry> audited(String event) {
        return audit.findByEventOrderByIdAsc(event);
    }

    @Nested
    class Login {

        @Test
        void theRightPasswordOpensASessionWithHttpOnlyCookiesAndIsAudited() {
            Account account = newUser();
            ApiClient client = ApiClient.anonymous(port);
            Response login = client.post("/api/auth/login", Map.of("email", account.email(), "password", account.password()),
                    "User-Agent", "MarqueeTest/1.0");

            assertThat(login.status()).isEqualTo(200);
            String session = login.json().path("session").asString();
            assertThat(session).matches("[A-Za-z0-9_-]{22}");
            assertThat(login.json().path("user").path("email").asString()).isEqualTo(account.email());
            assertThat(login.json().path("user").path("role").asString()).isEqualTo("user");
            assertThat(login.json().path("user").has("displayName")).isTrue();
            assertThat(login.body()).doesNotContain("eyJ").as("no token in a body");

            List<String> setCookies = login.raw().headers().allValues("Set-Cookie");
            assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("__at_" + session + "=")
                    .contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure"));
            assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("__rt_" + session + "=")
                    .contains("HttpOnly", "SameSite=Strict", "Path=/api/auth/"));

            AuditEntry entry = audited("login").getLast();
            assertThat(entry.getOutcome()).isEqualTo("success");
            assertThat(entry.getEmail()).isEqualTo(account.email());
            assertThat(entry.getIp()).isEqualTo("127.0.0.1");
            assertThat(entry.getUserAgent()).isEqualTo("MarqueeTest/1.0");
        }

        @Test
        void aWrongPasswordOrUnknownEmailIs401AndAudited() {
            Account account = newUser();
            Response wrong = ApiClient.anonymous(port).post("/api/auth/login",
                    Map.of("email", account.email(), "password", "not the password"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().path("error").asString()).isEqualTo("Invalid credentials");
            assertThat(wrong.raw().headers().allValues("Set-Cookie")).isEmpty();
            assertThat(audited("login").getLast()).satisfies(e -> {
                assertThat(e.getOutcome()).isEqualTo("failure");
                assertThat(e.getEmail()).isEqualTo(account.email());
                assertThat(e.getDetail()).isEqualTo("wrong password").doesNotContain("not the password");
            });

            Response unknown = ApiClient.anonymous(port).post("/api/auth/login",
                    Map.of("email", "nobody@example.com", "password", "whatever it is"));
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.body()).isEqualTo(wrong.body());
            assertThat(audited("login").getLast().getDetail()).isEqualTo("unknown account");
        }

        @Test
        void badInputIs400AndNeverA500() {
            ApiClient client = ApiClient.anonymous(port);
            assertThat(client.post("/api/auth/login", Map.of("email", "not-an-email", "password", "x")).status())
                    .isEqualTo(400);
            assertThat(client.post("/api/auth/login", "{\"email\":").status()).isEqualTo(400);
            assertThat(client.post("/api/auth/login", "[1,2]").status()).isEqualTo(400);
            assertThat(client.post("/api/auth/login", Map.of("email", "a@b.co")).status()).isEqualTo(400);
            assertThat(client.post("/api/auth/login", Map.of("email", "a@b.co", "password", "p".repeat(100))).status())
                    .isEqualTo(401);
        }

        @Test
        void repeatedFailuresLockTheAccountWhateverTheIpUntilTheLockRunsOut() {
            Account account = newUser();
            for (int i = 0; i < 5; i++) {
                ApiClient.anonymous(port).post("/api/auth/login", Map.of("email", account.email(), "password", "wrong"),
                        "X-Forwarded-For", "198.51.100." + i);
            }
            Response locked = ApiClient.anonymous(port).post("/api/auth/login",
                    Map.of("email", account.email(), "password", account.password()));
            assertThat(locked.status()).as("even the right password, while locked").isEqualTo(429);
            assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 30L);
            assertThat(audited("account.locked").getLast().getOutcome()).isEqualTo("denied");

            clock.advance(Duration.ofSeconds(31));
            assertThat(ApiClient.anonymous(port).post("/api/auth/login",
                    Map.of("email", account.email(), "password", account.password())).status()).isEqualTo(200);
        }
    }

    static List<String> sessionIds(Response held) {
        List<String> ids = new java.util.ArrayList<>();
        held.json().forEach(entry -> ids.add(entry.path("id").asString()));
        return ids;
    }

    @Nested
    class SessionsInOneJar {

        @Test
        void theBrowserListsTheSessionsItHoldsWithoutRotatingThem() {
            Account first = newUser();
            Account second = newUser();
            ApiClient browser = ApiClient.anonymous(port);
            String one = browser.login(first.email(), first.password()).sessionId();
            String two = browser.login(second.email(), second.password()).sessionId();

            Response held = browser.get("/api/auth/sessions");
            assertThat(held.status()).isEqualTo(200);
            assertThat(sessionIds(held)).containsExactlyInAnyOrder(one, two);
            assertThat(held.body()).contains(first.email(), second.email()).doesNotContain("Token", "token");
            // listing rotated nothing: the refresh cookie still refreshes
            assertThat(browser.post("/api/auth/refresh/" + one, "").status()).isEqualTo(200);

            browser.post("/api/auth/logout/" + two, "");
            assertThat(sessionIds(browser.get("/api/auth/sessions"))).containsExactly(one);
            assertThat(ApiClient.anonymous(port).get("/api/auth/sessions").json().isEmpty()).isTrue();
        }

        @Test
        void twoSessionsLiveSideBySideAndLoggingOutOneLeavesTheOther() {
            Account first = newUser();
            Account second = newUser();
            ApiClient browser = ApiClient.anonymous(port);
            String one = browser.login(first.email(), first.password()).sessionId();
            String two = browser.login(second.email(), second.password()).sessionId();

            assertThat(browser.get("/api/auth/session", "X-Session-Id", one).json().path("user").path("email").asString())
                    .isEqualTo(first.email());
            Response asTwo = browser.get("/api/auth/session", "X-Session-Id", two);
            assertThat(asTwo.json().path("id").asString()).isEqualTo(two);
            assertThat(asTwo.json().path("user").path("email").asString()).isEqualTo(second.email());

            Response logout = browser.post("/api/auth/logout/" + one, "");
            assertThat(logout.status()).isEqualTo(200);
            assertThat(logout.json().path("message").asString()).isEqualTo("Logged out successfully");
            assertThat(logout.raw().headers().allValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c).startsWith("__at_" + one + "=;").contains("Max-Age=0"));

            assertThat(browser.get("/api/auth/session", "X-Session-Id", one).status()).isEqualTo(401);
            assertThat(browser.get("/api/auth/session", "X-Session-Id", two).status()).isEqualTo(200);
            assertThat(audited("logout").getLast().getOutcome()).isEqualTo("success");
        }

        @Test
        void aValidSessionIsAcceptedByEveryOneOfManyConcurrentRequests() throws Exception {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            String token = cookie(browser, "__at_" + browser.sessionId());
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 3_000; i++) {
                    pool.submit(() -> {
                        if (sessions.authenticate(browser.sessionId(), token).isEmpty()) {
                            refused.incrementAndGet();
                        }
                    });
                }
            }
            assertThat(refused.get()).as("reads of the session's times must not race on SQLite").isZero();
        }

        @Test
        void aLoggedOutSessionStaysDeadEvenWithItsOldAccessToken() {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            String session = browser.sessionId();
            String accessToken = cookie(browser, "__at_" + session);
            browser.post("/api/auth/logout/" + session, "");

            Response replay = ApiClient.anonymous(port).send(ApiClient.anonymous(port).builder("/api/auth/session")
                    .header("X-Session-Id", session).header("Cookie", "__at_" + session + "=" + accessToken).GET());
            assertThat(replay.status()).isEqualTo(401);
        }

        @Test
        void aCookieOfAnotherSessionOrAGarbledOneIs401NotA500() {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            String session = browser.sessionId();
            String token = cookie(browser, "__at_" + session);
            String other = ApiClient.anonymous(port).login(account.email(), account.password()).sessionId();

            assertThat(raw("/api/auth/session", other, "__at_" + other + "=" + token).status())
                    .as("a token of one session presented for another").isEqualTo(401);
            assertThat(raw("/api/auth/session", session, "__at_" + session + "=not.a.jwt").status()).isEqualTo(401);
            assertThat(raw("/api/auth/session", session, "__at_" + session + "=" + "A".repeat(5000)).status())
                    .isEqualTo(401);
            assertThat(raw("/api/auth/session", "../../etc", "__at_x=y").status()).isEqualTo(401);
            Response noAuth = ApiClient.anonymous(port).get("/api/auth/session");
            assertThat(noAuth.status()).isEqualTo(401);
            assertThat(noAuth.json().path("error").asString()).isEqualTo("Authentication required");
            assertThat(noAuth.json().path("message").asString()).isNotBlank();
        }
    }

    @Nested
    class UserAdministration {

        @Test
        void adminsListChangeAndDeleteUsersAndEveryChangeIsAudited() {
            ApiClient admin = ApiClient.admin(port);
            Account account = newUser();
            String id = admin.get("/api/auth/users").json().findParents("email").stream()
                    .filter(u -> u.path("email").asString().equals(account.email())).findFirst().orElseThrow()
                    .path("id").asString();

            Response promoted = admin.send(admin.builder("/api/auth/users/" + id, "Content-Type", "application/json")
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"admin\"}")));
            assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
            assertThat(promoted.json().path("role").asString()).isEqualTo("admin");
            Response bad = admin.send(admin.builder("/api/auth/users/" + id, "Content-Type", "application/json")
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"root\"}")));
            assertThat(bad.status()).isEqualTo(400);

            assertThat(admin.delete("/api/auth/users/" + id).status()).isEqualTo(204);
            assertThat(admin.delete("/api/auth/users/" + id).status()).isEqualTo(404);
            assertThat(admin.get("/api/auth/users").body()).doesNotContain(account.email());

            Response trail = admin.get("/api/audit?event=user.deleted&limit=5");
            assertThat(trail.status()).isEqualTo(200);
            assertThat(trail.json()).isNotEmpty().allSatisfy(line -> {
                assertThat(line.path("event").asString()).isEqualTo("user.deleted");
                assertThat(line.path("outcome").asString()).isEqualTo("success");
            });
            assertThat(trail.json().get(0).path("userId").asString()).isEqualTo(id);
            assertThat(admin.get("/api/audit?event=user.role-changed").json().get(0).path("detail").asString())
                    .endsWith("to admin");
        }

        @Test
        void theLastAdminStaysAndUsersMayNotAdminister() {
            ApiClient admin = ApiClient.admin(port);
            String self = admin.get("/api/auth/session").json().path("user").path("id").asString();
            long admins = admin.get("/api/auth/users").json().findValues("role").stream()
                    .filter(r -> r.asString().equals("admin")).count();
            if (admins == 1) {
                assertThat(admin.delete("/api/auth/users/" + self).status()).isEqualTo(409);
                assertThat(admin.get("/api/auth/session").status()).isEqualTo(200);
            }
            Account account = newUser();
            ApiClient user = ApiClient.anonymous(port).login(account.email(), account.password());
            assertThat(user.get("/api/auth/users").status()).isEqualTo(403);
            assertThat(user.get("/api/audit").status()).isEqualTo(403);
            assertThat(user.delete("/api/auth/users/" + self).status()).isEqualTo(403);
        }
    }

    @Nested
    class Refresh {

        @Test
        void refreshRotatesAndTheOldTokenThenFailsAndRevokesTheSession() {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            String session = browser.sessionId();
            String firstRefresh = cookie(browser, "__rt_" + session);

            Response refreshed = browser.post("/api/auth/refresh/" + session, "");
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.json().path("user").path("email").asString()).isEqualTo(account.email());
            String secondRefresh = cookie(browser, "__rt_" + session);
            assertThat(secondRefresh).isNotEqualTo(firstRefresh);
            assertThat(browser.get("/api/auth/session").status()).isEqualTo(200);

            Response reuse = ApiClient.anonymous(port).send(ApiClient.anonymous(port)
                    .builder("/api/auth/refresh/" + session)
                    .header("Cookie", "__rt_" + session + "=" + firstRefresh)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(reuse.status()).isEqualTo(401);
            assertThat(reuse.raw().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("Max-Age=0"));
            assertThat(audited("token.reuse").getLast()).satisfies(e -> {
                assertThat(e.getOutcome()).isEqualTo("failure");
                assertThat(e.getDetail()).contains("session revoked");
            });

            assertThat(browser.get("/api/auth/session").status()).as("the whole session is revoked").isEqualTo(401);
            assertThat(browser.post("/api/auth/refresh/" + session, "").status())
                    .as("the newest refresh token dies with its session").isEqualTo(401);
        }

        @Test
        void anAccessTokenExpiresAfterAboutFifteenMinutesAndRefreshRenewsIt() {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            clock.advance(Duration.ofMinutes(16));
            assertThat(browser.get("/api/auth/session").status()).isEqualTo(401);
            assertThat(browser.post("/api/auth/refresh/" + browser.sessionId(), "").status()).isEqualTo(200);
            assertThat(browser.get("/api/auth/session").status()).isEqualTo(200);
        }

        @Test
        void aRefreshTokenOutlivesItsWeekOnlyByBeingUsed() {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            clock.advance(Duration.ofDays(7).plusMinutes(1));
            assertThat(browser.post("/api/auth/refresh/" + browser.sessionId(), "").status()).isEqualTo(401);
        }

        @Test
        void refreshWithoutItsCookieOrForAMalformedSessionIs401() {
            assertThat(ApiClient.anonymous(port).post("/api/auth/refresh/AAAAAAAAAAAAAAAAAAAAAA", "").status())
                    .isEqualTo(401);
            assertThat(ApiClient.anonymous(port).post("/api/auth/refresh/x", "").status()).isEqualTo(401);
            assertThat(ApiClient.anonymous(port).post("/api/auth/refresh/", "").status()).isIn(400, 404);
        }
    }

    @Nested
    class ForgedAndStaleTokens {

        @Test
        void aTokenSignedWithAnotherKeyIsRefused() {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            String forged = sign(claims(browser), "x".repeat(64).getBytes(StandardCharsets.UTF_8));
            assertThat(raw("/api/auth/session", browser.sessionId(), "__at_" + browser.sessionId() + "=" + forged)
                    .status()).isEqualTo(401);
            String genuine = sign(claims(browser), keys.jwtSecret());
            assertThat(raw("/api/auth/session", browser.sessionId(), "__at_" + browser.sessionId() + "=" + genuine)
                    .status()).as("the same claims under the right key pass: the test can fail").isEqualTo(200);
        }

        @Test
        void anUnsignedAlgNoneTokenIsRefused() {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            String genuine = cookie(browser, "__at_" + browser.sessionId());
            String payload = genuine.split("\\.")[1];
            String header = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(raw("/api/auth/session", browser.sessionId(),
                    "__at_" + browser.sessionId() + "=" + header + "." + payload + ".").status()).isEqualTo(401);
        }

        @Test
        void anExpiredTokenIsRefused() {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            JwtClaimsSet expired = JwtClaimsSet.from(claims(browser))
                    .issuedAt(clock.instant().minus(Duration.ofHours(2)))
                    .expiresAt(clock.instant().minus(Duration.ofHours(1))).build();
            assertThat(raw("/api/auth/session", browser.sessionId(),
                    "__at_" + browser.sessionId() + "=" + sign(expired, keys.jwtSecret())).status()).isEqualTo(401);
        }

        @Test
        void aTokenOfADeletedUserIsRefused() {
            Account account = newUser();
            ApiClient browser = ApiClient.anonymous(port).login(account.email(), account.password());
            assertThat(browser.get("/api/auth/session").status()).isEqualTo(200);
            String userId = browser.get("/api/auth/session").json().path("user").path("id").asString();
            jdbc.update("DELETE FROM app_user WHERE id = ?", userId);
            assertThat(browser.get("/api/auth/session").status()).isEqualTo(401);
        }

        private JwtClaimsSet claims(ApiClient browser) {
            Response session = browser.get("/api/auth/session");
            Instant now = clock.instant();
            return JwtClaimsSet.builder().issuer("marquee").subject(session.json().path("user").path("id").asString())
                    .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10)))
                    .claim("sid", browser.sessionId()).claim("role", "admin").build();
        }

        private String sign(JwtClaimsSet claims, byte[] key) {
            return NimbusJwtEncoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256")).algorithm(MacAlgorithm.HS256)
                    .build().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                    .getTokenValue();
        }
    }

    @Nested
    class Roles {

        @Test
        void aUserGets403OnAnAdminRouteAndTheDenialIsAudited() {
            ApiClient user = new ApiClient(port);
            Response denied = user.post("/api/auth/users",
                    Map.of("email", "sneaky@example.com", "password", "password!", "role", "admin"));
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().path("error").asString()).isEqualTo("Insufficient permissions");
            assertThat(audited("access.denied").getLast().getDetail()).isEqualTo("POST /api/auth/users");
            assertThat(ApiClient.admin(port).post("/api/auth/login",
                    Map.of("email", "sneaky@example.com", "password", "password!")).status()).isEqualTo(401);
        }

        @Test
        void anAdminCreatesUsersAndADuplicateIs409WhateverItsCase() {
            ApiClient admin = ApiClient.admin(port);
            String email = "new-" + System.nanoTime() + "@example.com";
            Response created = admin.post("/api/auth/users", Map.of("email", email, "password", "password!", "role", "admin"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("role").asString()).isEqualTo("admin");
            assertThat(created.body()).doesNotContain("password");
            assertThat(admin.post("/api/auth/users", Map.of("email", email.toUpperCase(), "password", "password!",
                    "role", "user")).status()).isEqualTo(409);
            assertThat(admin.post("/api/auth/users", Map.of("email", "x@example.com", "password", "short",
                    "role", "user")).status()).isEqualTo(400);
            assertThat(admin.post("/api/auth/users", Map.of("email", "y@example.com", "password", "long enough",
                    "role", "root")).status()).isEqualTo(400);
            assertThat(audited("user.created").getLast().getEmail()).isEqualTo(email);
        }

        @Test
        void traktRoutesAnswer503WhileTraktIsNotConfigured() {
            Response device = ApiClient.anonymous(port).post("/api/auth/device/trakt", "");
            assertThat(device.status()).isEqualTo(503);
            assertThat(device.json().path("error").asString()).isEqualTo("Trakt is not configured");
        }

        @Test
        void setupRefusesASecondAdminWith404() {
            ApiClient.admin(port);
            Response again = ApiClient.anonymous(port).post("/api/auth/setup",
                    Map.of("email", "second-admin@example.com", "password", "password!"));
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.json().path("error").asString()).isEqualTo("Not found");
        }
    }

    @Nested
    class RateLimits {

        @Test
        void loginIsLimitedPerIpWith429RetryAfterAndAnAuditEntry() {
            ApiClient client = ApiClient.anonymous(port);
            String ip = "203.0.113." + (System.nanoTime() % 200);
            // all at once: the limit is decided as a request arrives, however long each login takes
            List<Response> answers = client.concurrently(8, c -> c.post("/api/auth/login",
                    Map.of("email", "a@example.com", "password", "whatever"),
                    "X-Force-RateLimit", "true", "X-Forwarded-For", ip));
            assertThat(answers.stream().filter(r -> r.status() == 401).count()).isBetween(5L, 6L);
            Response last = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            // X-Forwarded-For from an untrusted peer is ignored: all of these count against 127.0.0.1
            assertThat(last.status()).isEqualTo(429);
            assertThat(last.header("Retry-After")).isEqualTo("1");
            assertThat(last.json().path("error").asString()).isEqualTo("Too Many Requests");
            assertThat(last.json().path("message").asString()).isEqualTo("Too many requests, retry in 1 s");
            assertThat(audited("rate-limited")).isNotEmpty();
            assertThat(client.post("/api/auth/login", Map.of("email", "a@example.com", "password", "whatever")).status())
                    .as("in test mode, requests without X-Force-RateLimit are not limited").isEqualTo(401);
        }

        @Test
        void readsAreLimitedToo() {
            ApiClient user = new ApiClient(port);
            long limited = user.concurrently(45, c -> c.get("/api/auth/session", "X-Force-RateLimit", "true")).stream()
                    .filter(response -> response.status() == 429).count();
            assertThat(limited).as("a burst of 30, then 10 a second").isPositive();
        }
    }

    @Nested
    class EncryptionAtRest {

        @Test
        void emailsReadBackInClearThroughTheApiButTheDatabaseFileHoldsNoneOfThem() throws Exception {
            String email = "private.person." + System.nanoTime() + "@example.com";
            ApiClient.admin(port).post("/api/auth/users", Map.of("email", email, "password", "password!", "role", "user"));
            ApiClient browser = ApiClient.anonymous(port).login(email, "password!");
            assertThat(browser.get("/api/auth/session").json().path("user").path("email").asString()).isEqualTo(email);

            String stored = jdbc.queryForObject("SELECT email FROM app_user WHERE id = ?", String.class,
                    browser.get("/api/auth/session").json().path("user").path("id").asString());
            assertThat(stored).startsWith("k1:").doesNotContain("private.person");

            jdbc.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            byte[] needle = "private.person".getBytes(StandardCharsets.UTF_8);
            for (String file : new String[] {"marquee.db", "marquee.db-wal"}) {
                Path path = dataDir.resolve(file);
                if (Files.exists(path)) {
                    assertThat(indexOf(Files.readAllBytes(path), needle)).as(file).isEqualTo(-1);
                }
            }
            assertThat(indexOf(Files.readAllBytes(dataDir.resolve("marquee.db")), "app_user".getBytes()))
                    .as("the search itself works on this file").isNotEqualTo(-1);
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private Response raw(String path, String session, String cookieHeader) {
        ApiClient client = ApiClient.anonymous(port);
        return client.send(client.builder(path).header("X-Session-Id", session).header("Cookie", cookieHeader).GET());
    }

    private static String cookie(ApiClient client, String name) {
        return client.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElseThrow();
    }
}
