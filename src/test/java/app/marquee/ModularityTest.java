package app.marquee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the modules of DESIGN.md apart: no cycles, and no module reaching into another's internals
 * (anything below a module's root package).
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(MarqueeApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheDesignExists() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("catalog", "sources", "torrent", "streaming", "playback", "network", "accounts", "trakt", "sync", "web", "settings",
                        "platform");
    }
}
