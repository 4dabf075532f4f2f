package io.vigil.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryBackoffTest {
    final DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(60), 5);
    final Instant now = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void shouldDoubleTheWaitAfterEveryFailedAttemptUpToTheCap() {
        assertThat(backoff.nextAttempt(now, 1)).contains(now.plusSeconds(10));
        assertThat(backoff.nextAttempt(now, 2)).contains(now.plusSeconds(20));
        assertThat(backoff.nextAttempt(now, 3)).contains(now.plusSeconds(40));
        assertThat(backoff.nextAttempt(now, 4)).contains(now.plusSeconds(60));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        assertThat(backoff.nextAttempt(now, 5)).isEmpty();
    }

    @Test
    void shouldWriteDurationsAsTheSeed() {
        assertThat(DurationText.of(Duration.ofMinutes(127))).isEqualTo("2 hours 7 minutes");
        assertThat(DurationText.of(Duration.ofMinutes(61))).isEqualTo("1 hour 1 minute");
    }
}
