package app.marquee.settings.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Puts the stored settings into the environment before the beans bind (see {@link StoredSettingsLoader}). */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    /** Static: a bean factory post-processor must not wait for its configuration class to be made. */
    @Bean
    static StoredSettingsLoader storedSettingsLoader(ConfigurableEnvironment environment) {
        return new StoredSettingsLoader(environment);
    }
}
