package app.marquee.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.marquee.support.ApiClient;

/** The operational surface and the conventions of API.md, over real HTTP on the default SQLite set-up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiConventionsIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("marquee.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> response = get("/api/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnythingElseReplaced() throws Exception {
        assertThat(get("/api/health", "X-Request-ID", "client-42.retry_1").headers().firstValue("X-Request-ID"))
                .contains("client-42.retry_1");

        String tooLong = "a".repeat(65);
        assertThat(get("/api/health", "X-Request-ID", tooLong).headers().firstValue("X-Request-ID"))
                .hasValueSatisfying(id -> assertThat(id).isNotEqualTo(tooLong).matches("[0-9a-f]{24}"));
        assertThat(get("/api/health", "X-Request-ID", "evil\"value<script>").headers().firstValue("X-Request-ID"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{24}"));

        String first = get("/api/health").headers().firstValue("X-Request-ID").orElseThrow();
        String second = get("/api/health").headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void unknownRoutesAndWrongMethodsAnswerJsonErrors() throws Exception {
        ApiClient.Response missing = new ApiClient(port).get("/api/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").asString()).isEqualTo("Not found");
        assertThat(missing.header("X-Request-ID")).isNotBlank();

        HttpResponse<String> wrongMethod = http.send(request("/api/health").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(tree(wrongMethod).path("error").asString()).isEqualTo("Method Not Allowed");
    }

    @Test
    void actuatorReportsDatabaseAndDiskHealthAndPrometheusMetrics() throws Exception {
        JsonNode health = tree(get("/actuator/health"));
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("diskSpace").path("status").asString()).isEqualTo("UP");

        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections", "http_server_requests");
    }

    @Test
    void actuatorEndpointsThatCouldRevealSecretsAreNotExposed() throws Exception {
        for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump", "/actuator/beans")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() throws Exception {
        JsonNode document = tree(get("/v3/api-docs"));
        assertThat(document.path("info").path("title").asString()).isEqualTo("Marquee API");
        assertThat(document.path("paths").has("/api/health")).isTrue();
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private JsonNode tree(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
