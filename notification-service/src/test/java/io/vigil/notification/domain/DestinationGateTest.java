package io.vigil.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationGateTest {
    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    final DestinationGate gate = new DestinationGate(java.util.Map.of("email", 60, "slack", 60, "webhook", 1200), Duration.ofSeconds(10));

    @Test
    void shouldSendOneMessageAtATimeToADestination() {
        assertThat(gate.take("webhook", "http://a", T)).isTrue();
        assertThat(gate.take("webhook", "http://a", T.plusSeconds(5))).isFalse();
        assertThat(gate.closed("webhook", T.plusSeconds(5))).containsExactly("http://a");
        gate.release("webhook", "http://a", false, T.plusSeconds(5));
        assertThat(gate.take("webhook", "http://a", T.plusSeconds(5))).isTrue();
    }

    @Test
    void shouldSpaceMessagesToOneDestinationByTheRate() {
        assertThat(gate.take("slack", "http://s", T)).isTrue();
        gate.release("slack", "http://s", false, T);
        assertThat(gate.take("slack", "http://s", T.plusMillis(999))).isFalse();
        assertThat(gate.take("slack", "http://s", T.plusMillis(1000))).isTrue();
    }

    @Test
    void shouldSpaceEachChannelByItsOwnRate() {
        assertThat(gate.take("webhook", "http://w", T)).isTrue();
        gate.release("webhook", "http://w", false, T);
        assertThat(gate.take("webhook", "http://w", T.plusMillis(49))).isFalse();
        assertThat(gate.take("webhook", "http://w", T.plusMillis(50))).isTrue();
        assertThat(gate.take("email", "a@vigil.local", T)).isTrue();
        gate.release("email", "a@vigil.local", false, T);
        assertThat(gate.take("email", "a@vigil.local", T.plusMillis(999))).isFalse();
    }

    @Test
    void shouldTellWhenTheFirstWaitingDestinationOpensAgain() {
        assertThat(gate.nextOpening("webhook", T)).isEmpty();
        gate.take("webhook", "http://a", T);
        assertThat(gate.nextOpening("webhook", T)).as("in flight: its sender goes on by itself").isEmpty();
        gate.release("webhook", "http://a", false, T.plusMillis(10));
        gate.take("webhook", "http://b", T.plusMillis(20));
        gate.release("webhook", "http://b", false, T.plusMillis(20));
        assertThat(gate.nextOpening("webhook", T.plusMillis(20))).contains(T.plusMillis(50));
        assertThat(gate.nextOpening("webhook", T.plusMillis(50))).contains(T.plusMillis(70));
        assertThat(gate.nextOpening("webhook", T.plusMillis(70))).isEmpty();
        assertThat(gate.nextOpening("email", T.plusMillis(20))).isEmpty();
    }

    @Test
    void shouldRefuseARateBelowOneAndAChannelWithoutARate() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DestinationGate(java.util.Map.of("slack", 0), Duration.ofSeconds(1)))
                .hasMessageContaining("per-destination-per-minute.slack");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gate.take("sms", "+49", T)).hasMessageContaining("sms");
    }

    @Test
    void shouldRestADestinationAfterAFailureAndLeaveTheOthersOpen() {
        assertThat(gate.take("webhook", "http://down", T)).isTrue();
        gate.release("webhook", "http://down", true, T);
        assertThat(gate.closed("webhook", T.plusSeconds(9))).containsExactly("http://down");
        assertThat(gate.take("webhook", "http://up", T.plusSeconds(1))).isTrue();
        assertThat(gate.take("email", "http://down", T.plusSeconds(1))).isTrue();
        assertThat(gate.take("webhook", "http://down", T.plusSeconds(9))).isFalse();
        assertThat(gate.take("webhook", "http://down", T.plusSeconds(10))).isTrue();
    }
}
