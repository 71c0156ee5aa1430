package app.marquee.sync.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.sync.ServerStats;

/** {@code GET /api/stats} (API.md), from {@link ServerStats}. Route role: user. */
@RestController
class StatsController {

    private final ServerStats stats;

    StatsController(ServerStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/stats")
    public ServerStats.Stats stats() {
        return stats.now();
    }
}
