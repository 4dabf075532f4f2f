package io.vigil.ownership.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StabilizationWindowTest {
    static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");
    final StabilizationWindow window = StabilizationWindow.from(T0, Duration.ofHours(48));

    @Test
    void shouldContainItsFirstInstant() {
        assertThat(window.contains(T0)).isTrue();
        assertThat(window.contains(T0.minusNanos(1))).isFalse();
    }

    @Test
    void shouldEndExactlyAtT48() {
        assertThat(window.contains(T0.plus(Duration.ofHours(48)).minusSeconds(1))).isTrue();
        assertThat(window.contains(T0.plus(Duration.ofHours(48)))).isFalse();
    }
}
