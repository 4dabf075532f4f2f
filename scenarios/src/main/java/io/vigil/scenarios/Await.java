package io.vigil.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for the system to catch up with what a step caused (events cross Kafka), never for a rule's minutes. */
public final class Await {
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {
    }

    /** The first present value of {@code probe}, polled until {@code within}; an AssertionError naming {@code what} otherwise. */
    public static <T> T until(String what, Duration within, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(within);
        Throwable last = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException | AssertionError e) {
                last = e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + what
                        + (last != null ? " (last error: " + last.getMessage() + ")" : ""));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static <T> T until(String what, Supplier<Optional<T>> probe) {
        return until(what, DEFAULT, probe);
    }
}
