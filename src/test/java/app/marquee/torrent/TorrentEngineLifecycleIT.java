package app.marquee.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.marquee.MarqueeApplication;

/** The engine as the application runs it: lazy without work, resumed at start-up with it, saved at shutdown. */
class TorrentEngineLifecycleIT {

    @TempDir
    Path dataDir;

    @Test
    void aServerWithNothingToResumeDoesNotStartTheSessionUntilAsked() {
        try (ConfigurableApplicationContext context = start()) {
            TorrentEngine engine = context.getBean(TorrentEngine.class);
            assertThat(engine.torrents()).isEmpty();
            assertThat(engine.listenPort()).isEmpty();
            assertThat(dataDir.resolve("native")).doesNotExist();
            engine.pause(); // the kill switch before any torrent: remembered, no session needed
            assertThat(engine.isPaused()).isTrue();
        }
    }

    @Test
    void torrentsOfAStoppedServerAreBackAtTheNextStartUpWithoutBeingAskedFor() {
        String info = "d6:lengthi32768e4:name8:film.mkv12:piece lengthi16384e6:pieces40:" + "p".repeat(40) + "e";
        TorrentMetadata metadata = TorrentMetadata.fromInfoDictionary(info.getBytes(StandardCharsets.ISO_8859_1),
                List.of("http://127.0.0.1:9/announce"));
        try (ConfigurableApplicationContext context = start()) {
            TorrentEngine engine = context.getBean(TorrentEngine.class);
            engine.add(metadata, List.of(), dataDir.resolve("downloads"));
            assertThat(engine.listenPort()).isPresent();
        }
        assertThat(dataDir.resolve("torrents/resume/" + metadata.infoHash().hex() + ".resume")).isNotEmptyFile();

        try (ConfigurableApplicationContext context = start()) {
            TorrentEngine engine = context.getBean(TorrentEngine.class);
            assertThat(engine.torrents()).singleElement().satisfies(torrent -> {
                assertThat(torrent.infoHash()).isEqualTo(metadata.infoHash());
                assertThat(torrent.metadata()).hasValueSatisfying(
                        resumed -> assertThat(resumed.files()).isEqualTo(metadata.files()));
                assertThat(torrent.saveDirectory()).isEqualTo(dataDir.resolve("downloads"));
            });
            engine.remove(metadata.infoHash(), true).join();
            assertThat(engine.torrents()).isEmpty();
        }
        assertThat(dataDir.resolve("torrents/resume/" + metadata.infoHash().hex() + ".resume")).doesNotExist();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MarqueeApplication.class).web(WebApplicationType.NONE).run(
                "--marquee.data-dir=" + dataDir, "--marquee.torrent.dht=false", "--marquee.torrent.lsd=false",
                "--marquee.torrent.pex=false", "--marquee.torrent.bind-interface=127.0.0.1",
                "--marquee.torrent.trackers=http://127.0.0.1:9/announce");
    }
}
