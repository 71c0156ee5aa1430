package app.marquee.platform.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness for load balancers and clients: the process answers HTTP. Deeper checks are under /actuator/health. */
@RestController
@Tag(name = "Operations")
final class HealthController {

    private static final Map<String, String> OK = Map.of("status", "ok");

    @GetMapping("/api/health")
    @Operation(summary = "Liveness", description = "Always {\"status\":\"ok\"} while the server answers.")
    Map<String, String> health() {
        return OK;
    }
}
