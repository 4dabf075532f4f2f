package io.vigil.platform;

import io.vigil.platform.timer.RetrySchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerRetryScheduleTest {
    private static final Instant FAILED_AT = Instant.parse("2026-11-22T15:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(5, Duration.ofSeconds(30));

    @Test
    void shouldDoubleTheWaitAfterEachFailure() {
        assertThat(schedule.nextAttempt(FAILED_AT, 1)).isEqualTo(FAILED_AT.plusSeconds(30));
        assertThat(schedule.nextAttempt(FAILED_AT, 2)).isEqualTo(FAILED_AT.plusSeconds(60));
        assertThat(schedule.nextAttempt(FAILED_AT, 3)).isEqualTo(FAILED_AT.plusSeconds(120));
        assertThat(schedule.nextAttempt(FAILED_AT, 4)).isEqualTo(FAILED_AT.plusSeconds(240));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        assertThat(schedule.exhausted(4)).isFalse();
        assertThat(schedule.exhausted(5)).isTrue();
    }

    @Test
    void shouldNotOverflowOnAVeryLongRun() {
        assertThat(new RetrySchedule(1000, Duration.ofSeconds(1)).nextAttempt(FAILED_AT, 999)).isAfter(FAILED_AT);
    }

    @Test
    void shouldRefuseASettingThatCouldNeverFire() {
        assertThatThrownBy(() -> new RetrySchedule(0, Duration.ofSeconds(30))).hasMessageContaining("vigil.timers.max-attempts");
    }
}
