package io.vigil.platform.domain;

import java.time.Instant;

/** A durable timer an aggregate wants scheduled or cancelled, next to the events it decided. */
public sealed interface TimerChange {
    String kind();

    record Schedule(String kind, Instant dueAt, String payload) implements TimerChange {
    }

    record Cancel(String kind) implements TimerChange {
    }
}
