package app.marquee.trakt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.marquee.MarqueeApplication;
import app.marquee.support.ApiClient;
import app.marquee.support.FakeTrakt;
import app.marquee.trakt.internal.TraktOutbox;

/** Scrobbles queued while Trakt is down survive a restart of the server and are then delivered once. */
class TraktOutboxRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void queuedScrobblesAreDeliveredOnceAfterARestart() throws Exception {
        try (FakeTrakt trakt = new FakeTrakt()) {
            String userId;
            try (ConfigurableApplicationContext first = start(trakt)) {
                int port = port(first);
                ApiClient member = new ApiClient(port);
                String code = member.post("/api/trakt/device", "").json().path("deviceCode").asString();
                trakt.script(code, 200);
                trakt.approveAs(code, "restart-viewer", "Restart Viewer");
                assertThat(member.post("/api/trakt/link", Map.of("deviceCode", code)).status()).isEqualTo(200);
                userId = member.get("/api/auth/session").json().path("user").path("id").asString();

                trakt.down(true);
                TraktOutbox outbox = first.getBean(TraktOutbox.class);
                outbox.enqueue(userId, "/scrobble/start", "{\"movie\":{\"ids\":{\"tmdb\":105}},\"progress\":1}", "r:start");
                outbox.enqueue(userId, "/scrobble/stop", "{\"movie\":{\"ids\":{\"tmdb\":105}},\"progress\":95}", "r:stop");
                outbox.deliverDue();
                assertThat(trakt.writes()).isEmpty();
            }

            trakt.down(false);
            try (ConfigurableApplicationContext second = start(trakt)) {
                TraktOutbox outbox = second.getBean(TraktOutbox.class);
                // the first attempt failed moments ago: wait out its 5 s back-off as the scheduler would
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (trakt.writes().size() < 2 && System.nanoTime() < deadline) {
                    outbox.deliverDue();
                    Thread.sleep(250);
                }
                outbox.deliverDue();
            }
            assertThat(trakt.writes()).hasSize(2);
            assertThat(trakt.writes()).anySatisfy(w -> assertThat(w).startsWith("/scrobble/start"))
                    .anySatisfy(w -> assertThat(w).startsWith("/scrobble/stop"));
        }
    }

    private ConfigurableApplicationContext start(FakeTrakt trakt) {
        return new SpringApplicationBuilder(MarqueeApplication.class).run(
                "--marquee.data-dir=" + dataDir, "--server.port=0",
                "--marquee.trakt.base-url=" + trakt.baseUrl(),
                "--marquee.trakt.client-id=" + FakeTrakt.CLIENT_ID,
                "--marquee.trakt.client-secret=" + FakeTrakt.CLIENT_SECRET);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
