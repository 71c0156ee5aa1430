package app.marquee.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * {@code @Import} it into a Spring test to give the whole application a {@link MovableClock} starting at the real
 * present; autowire the {@code MovableClock} to move it.
 */
@TestConfiguration
public class MovableClockConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return MovableClock.startingNow();
    }
}
