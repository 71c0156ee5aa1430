package app.marquee.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.Browser;
import app.marquee.support.FakeTmdb;

/**
 * The web UI in Debian's Chromium against the real server on an empty data directory: the first run from
 * the set-up page to a home page with posters (filled by the list-refresh task from a fake TMDB), two
 * profiles in one browser and switching between them, and a user kept out of the admin pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunAndProfilesIT {

    private static final String USER_EMAIL = "viewer@marquee.test";
    private static final String USER_PASSWORD = "viewer password 1";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserProfile;
    static FakeTmdb tmdb = FakeTmdb.start().servingImages();
    static Browser browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        registry.add("marquee.sync.enabled", () -> "true");
        for (String task : List.of("movie-sync", "season-sync", "source-search", "torrent-files", "tracker-stats",
                "source-resync")) {
            registry.add("marquee.sync." + task + ".enabled", () -> "false");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        tmdb.close();
    }

    private Browser browser() {
        if (browser == null) {
            browser = Browser.start(port, browserProfile);
        }
        return browser;
    }

    @Test
    @Order(1)
    void firstRunLeadsFromAnEmptyServerToAHomePageWithPosters() {
        Browser b = browser();
        b.open("/");
        assertThat(b.path()).isEqualTo("/setup");
        b.type("#setup-form input[name=email]", ApiClient.ADMIN_EMAIL);
        b.type("#setup-form input[name=password]", ApiClient.ADMIN_PASSWORD);
        b.find("#setup-form button[type=submit]").click();

        b.awaitElement("#setup-services");
        assertThat(b.find("#vpn-status").getText()).contains("No VPN interface is configured");
        assertThat(b.cookies()).containsKey("__session").doesNotContainKey("__rt_" + b.cookies().get("__session"));
        // the TMDB read token is stored through PUT /api/config and checked live by restarting the TMDB client
        b.type("#tmdb-form input[name='marquee.tmdb.access-token']", "first-run-token");
        b.find("#tmdb-form button[type=submit]").click();
        WebElement checked = b.awaitElement("#tmdb-form .result");
        b.await(Duration.ofSeconds(30), d -> checked.getText().startsWith("Checking") ? null : true);
        assertThat(checked.getText()).isEqualTo("Saved. tmdb works.");
        b.screenshot("setup");

        b.find("#setup-done").click();
        // the list-refresh task fills the lists from the fake TMDB; until then the page says so and polls
        List<WebElement> posters = b.await(Duration.ofSeconds(90), d -> {
            List<WebElement> found = b.findAll(".row[data-list] .poster img");
            return found.size() >= 10 ? found : null;
        });
        // the rows keep coming in as the task reads list after list (the page polls until one has titles)
        b.await(Duration.ofSeconds(90), d -> {
            b.open("/");
            return b.findAll(".row[data-list]").size() >= 3 ? true : null;
        });
        posters = b.findAll(".row[data-list] .poster img");
        assertThat(posters.getFirst().getAttribute("src")).startsWith(tmdb.baseUrl().replace("/3", "/t/p/"));
        assertThat(b.findAll("#filling")).isEmpty();
        assertThat((Boolean) b.script("return arguments[0].complete && arguments[0].naturalWidth > 0",
                posters.getFirst())).isTrue();
        assertThat(b.findAll(".row h2").stream().map(WebElement::getText)).contains("Popular movies");
        b.screenshot("home");
    }

    @Test
    @Order(2)
    void arrowKeysMoveAlongARowAndBetweenRows() {
        Browser b = browser();
        b.open("/");
        List<WebElement> rows = b.findAll(".row");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        WebElement first = rows.get(0).findElements(org.openqa.selenium.By.cssSelector(".poster")).get(0);
        b.script("arguments[0].focus()", first);
        first.sendKeys(Keys.ARROW_RIGHT);
        WebElement second = rows.get(0).findElements(org.openqa.selenium.By.cssSelector(".poster")).get(1);
        assertThat(b.driver().switchTo().activeElement()).isEqualTo(second);
        second.sendKeys(Keys.ARROW_DOWN);
        WebElement below = rows.get(1).findElements(org.openqa.selenium.By.cssSelector(".poster")).get(1);
        assertThat(b.driver().switchTo().activeElement()).isEqualTo(below);
        // a visible focus ring: the outline TVs need
        assertThat(b.script("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");

        // a phone: the page fits its width, the rows scroll sideways on their own
        b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            b.open("/");
            assertThat(number(b.script("return document.documentElement.scrollWidth - window.innerWidth"))).isLessThanOrEqualTo(0);
            b.screenshot("home-phone");
        } finally {
            b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        }
    }

    @Test
    @Order(3)
    void theSearchBoxFindsTitlesAndTheLanguageIsKeptPerProfile() {
        Browser b = browser();
        b.open("/");
        WebElement box = b.find("header .search input[name=q]");
        box.sendKeys("tiglon", Keys.ENTER);
        b.awaitElement("#results");
        assertThat(b.path()).isEqualTo("/search?q=tiglon");
        assertThat(b.findAll("#results .poster").stream().map(p -> p.getAttribute("href")))
                .anySatisfy(href -> assertThat(href).endsWith("/movie/552524"));

        // a show page: its seasons, and the episodes of the first
        b.open("/show/14981");
        assertThat(b.find("#title").getText()).isEqualTo("Interior Ocelot");
        assertThat(b.findAll("#seasons a")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(b.findAll("#episodes li")).isNotEmpty();

        b.open("/settings");
        new org.openqa.selenium.support.ui.Select(b.find("#language-form select[name=lang]")).selectByValue("es");
        b.find("#language-form button[type=submit]").click();
        b.await(Duration.ofSeconds(20), d -> b.path().equals("/"));
        assertThat(b.find("#nav-settings").getText()).isEqualTo("ES");
        b.open("/settings");
        new org.openqa.selenium.support.ui.Select(b.find("#language-form select[name=lang]")).selectByValue("en");
        b.find("#language-form button[type=submit]").click();
        b.await(Duration.ofSeconds(20), d -> b.path().equals("/"));
        assertThat(b.find("#nav-settings").getText()).isEqualTo("EN");
    }

    @Test
    @Order(4)
    void twoProfilesInOneBrowserAndOneClickSwitches() {
        ApiClient admin = ApiClient.admin(port);
        assertThat(admin.post("/api/auth/users",
                Map.of("email", USER_EMAIL, "password", USER_PASSWORD, "role", "user")).status()).isEqualTo(201);
        Browser b = browser();
        b.open("/profiles");
        b.await(Duration.ofSeconds(20), d -> b.findAll("#profiles button.profile").size() == 1);

        b.find("#add-profile").click();
        b.awaitElement("#login-form");
        b.type("#login-form input[name=email]", USER_EMAIL);
        b.type("#login-form input[name=password]", USER_PASSWORD);
        b.find("#login-form button[type=submit]").click();
        b.await(Duration.ofSeconds(20), d -> b.path().equals("/"));
        assertThat(b.awaitElement("#nav-profile").getText()).isEqualTo(USER_EMAIL);
        assertThat(b.findAll("#nav-admin")).isEmpty();

        b.open("/profiles");
        List<WebElement> profiles = b.await(Duration.ofSeconds(20), d -> {
            List<WebElement> found = b.findAll("#profiles button.profile");
            return found.size() == 2 ? found : null;
        });
        assertThat(profiles.stream().map(WebElement::getText)).containsExactlyInAnyOrder(ApiClient.ADMIN_EMAIL,
                USER_EMAIL);
        profiles.stream().filter(p -> p.getText().equals(ApiClient.ADMIN_EMAIL)).findFirst().orElseThrow().click();
        b.await(Duration.ofSeconds(20), d -> b.path().equals("/"));
        assertThat(b.awaitElement("#nav-profile").getText()).isEqualTo(ApiClient.ADMIN_EMAIL);
        assertThat(b.findAll("#nav-admin")).hasSize(1);

        b.open("/profiles");
        b.await(Duration.ofSeconds(20), d -> b.findAll("#profiles button.profile").size() == 2);
        b.findAll("#profiles button.profile").stream().filter(p -> p.getText().equals(USER_EMAIL)).findFirst()
                .orElseThrow().click();
        b.await(Duration.ofSeconds(20), d -> b.path().equals("/"));
        assertThat(b.awaitElement("#nav-profile").getText()).isEqualTo(USER_EMAIL);
    }

    @Test
    @Order(5)
    void aUserGetsTheForbiddenPageForAdminPagesAndTheAttemptIsAudited() throws Exception {
        Browser b = browser();
        b.open("/profiles");
        b.await(Duration.ofSeconds(20), d -> b.findAll("#profiles button.profile").size() == 2);
        b.findAll("#profiles button.profile").stream().filter(p -> p.getText().equals(USER_EMAIL)).findFirst()
                .orElseThrow().click();
        b.await(Duration.ofSeconds(20), d -> b.path().equals("/"));

        b.open("/admin/stats");
        assertThat(b.awaitElement("#forbidden").getText()).isEqualTo("Not allowed");
        assertThat(b.findAll("#stats")).isEmpty();
        Integer denied = jdbc.queryForObject("select count(*) from audit_log where event = 'access.denied' "
                + "and detail = 'GET /admin/stats'", Integer.class);
        assertThat(denied).isPositive();
    }

    @Test
    @Order(6)
    void adminStatsRefreshThemselvesAndAdminsManageUsersAndReadTheAudit() {
        Browser b = browser();
        switchTo(b, ApiClient.ADMIN_EMAIL);
        b.open("/admin/stats");
        assertThat(b.find("#tasks").getText()).contains("list-refresh");
        assertThat(b.find("#services").getText()).contains("tmdb");
        assertThat(b.find("#disk").getText()).contains("GB of");
        String refreshed = "return document.getElementById('stats').dataset.refreshed";
        String first = (String) b.script(refreshed);
        // htmx swaps the panel every few seconds, with no reload of the page
        b.script("document.body.dataset.marker = 'kept'");
        b.await(Duration.ofSeconds(15), d -> first.equals(b.script(refreshed)) ? null : true);
        assertThat(b.script("return document.body.dataset.marker")).isEqualTo("kept");
        b.screenshot("admin-stats");

        b.open("/admin/users");
        b.type("#new-user input[name=email]", "third@marquee.test");
        b.type("#new-user input[name=password]", "third password");
        b.find("#new-user button[type=submit]").click();
        assertThat(b.awaitElement("#message").getText()).isEqualTo("Created third@marquee.test");
        WebElement row = b.find("#users tr[data-email='third@marquee.test']");
        new org.openqa.selenium.support.ui.Select(row.findElement(org.openqa.selenium.By.name("role"))).selectByValue("admin");
        row.findElement(org.openqa.selenium.By.cssSelector(".change-role")).click();
        assertThat(b.awaitElement("#message").getText()).isEqualTo("Role changed");
        assertThat(ApiClient.admin(port).get("/api/auth/users").json().findValues("email").stream()
                .map(n -> n.asString()).toList()).contains("third@marquee.test");
        b.find("#users tr[data-email='third@marquee.test'] .delete").click();
        assertThat(b.awaitElement("#message").getText()).isEqualTo("User deleted");
        assertThat(b.findAll("#users tr[data-email='third@marquee.test']")).isEmpty();

        b.open("/admin/audit?event=user.role-changed");
        List<WebElement> lines = b.findAll("#audit tbody tr");
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().getText()).contains("user.role-changed").contains("to admin");
    }

    @Test
    @Order(7)
    void aSecretTypedIntoTheConfigPageNeverComesBack() {
        String secret = "tmdb-secret-" + System.nanoTime();
        Browser b = browser();
        switchTo(b, ApiClient.ADMIN_EMAIL);
        b.open("/admin/config");
        String field = "form[data-service=tmdb] input[name='marquee.tmdb.access-token']";
        assertThat(b.awaitElement(field).getAttribute("placeholder")).isEqualTo("set (type to replace)");
        b.type(field, secret);
        b.find("form[data-service=tmdb] button[type=submit]").click();
        WebElement result = b.awaitElement("form[data-service=tmdb] .result");
        b.await(Duration.ofSeconds(30), d -> result.getText().startsWith("Checking") ? null : true);
        assertThat(result.getText()).startsWith("Saved.");
        assertThat(b.find(field).getAttribute("value")).isEmpty();
        assertThat(ApiClient.admin(port).get("/api/config").json().findParents("key").stream()
                .filter(e -> e.path("key").asString().equals("marquee.tmdb.access-token")).findFirst().orElseThrow()
                .path("hasValue").asBoolean()).isTrue();
        for (String page : List.of("/admin/config", "/admin/stats", "/admin/audit", "/setup", "/")) {
            b.open(page);
            assertThat(b.driver().getPageSource()).as(page).doesNotContain(secret);
        }
        ApiClient admin = ApiClient.admin(port);
        for (String api : List.of("/api/config", "/api/status", "/api/stats", "/api/audit?limit=500")) {
            assertThat(admin.get(api).body()).as(api).doesNotContain(secret);
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static void switchTo(Browser b, String email) {
        b.open("/profiles");
        b.await(Duration.ofSeconds(20), d -> b.findAll("#profiles button.profile").size() >= 2);
        b.findAll("#profiles button.profile").stream().filter(p -> p.getText().equals(email)).findFirst()
                .orElseThrow().click();
        b.await(Duration.ofSeconds(20), d -> b.path().equals("/"));
    }

    @Test
    @Order(8)
    void pagesCarryAStrictContentSecurityPolicyAndFormsNeedTheirCsrfToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/profiles"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(page.body()).doesNotContain("<script>").doesNotContainPattern("\\son[a-z]+=");

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/profiles/active"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("session=abc&next=/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        // no page of the whole run broke the policy
        assertThat(browser().consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
    }
}
