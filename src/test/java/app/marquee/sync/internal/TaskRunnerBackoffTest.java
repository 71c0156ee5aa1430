package app.marquee.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TaskRunnerBackoffTest {

    @Test
    void aFrequentTaskBacksOffBeyondItsPeriodUpToFifteenMinutes() {
        Duration second = Duration.ofSeconds(1);
        assertThat(TaskRunner.backoff(second, 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(TaskRunner.backoff(second, 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(TaskRunner.backoff(second, 30)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anHourlyTaskRetriesSoonerThanItsPeriodButNeverLaterThanIt() {
        Duration hour = Duration.ofHours(1);
        assertThat(TaskRunner.backoff(hour, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(TaskRunner.backoff(hour, 4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(TaskRunner.backoff(hour, 12)).isEqualTo(hour);
    }
}
