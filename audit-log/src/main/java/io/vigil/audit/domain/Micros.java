package io.vigil.audit.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

final class Micros {
    static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static long of(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private Micros() {
    }
}
