package io.vigil.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineRuleTest {
    static final Instant DUE = Instant.parse("2026-11-20T10:15:00Z");
    final DeadlineRule rule = new DeadlineRule(Duration.ofMinutes(1));

    @Test
    void shouldKeepADeadlineByAMessageSentUpToTheGraceAfterIt() {
        assertThat(rule.checkAt(DUE)).isEqualTo(Instant.parse("2026-11-20T10:16:00Z"));
        assertThat(rule.keptBy(DUE, List.of(Instant.parse("2026-11-20T10:16:00Z")))).contains(Instant.parse("2026-11-20T10:16:00Z"));
        assertThat(rule.keptBy(DUE, List.of(Instant.parse("2026-11-20T10:16:00.001Z")))).isEmpty();
        assertThat(rule.keptBy(DUE, List.of())).isEmpty();
    }

    @Test
    void shouldNameTheEarliestDeliveryThatKeptIt() {
        assertThat(rule.keptBy(DUE, List.of(Instant.parse("2026-11-20T10:20:00Z"), Instant.parse("2026-11-20T10:05:00Z"),
                Instant.parse("2026-11-20T10:10:00Z")))).contains(Instant.parse("2026-11-20T10:05:00Z"));
    }

    @Test
    void shouldSayHowTheDeliveriesOfAMissedDeadlineStood() {
        assertThat(DeadlineRule.deliveryStatus(List.of())).isEqualTo("none");
        assertThat(DeadlineRule.deliveryStatus(List.of("failed", "pending"))).isEqualTo("pending");
        assertThat(DeadlineRule.deliveryStatus(List.of("failed", "sent"))).isEqualTo("sent-late");
        assertThat(DeadlineRule.deliveryStatus(List.of("failed"))).isEqualTo("failed");
    }
}
