package io.vigil.events.ownership;

import java.time.Duration;

/** The checkpoints of a deploy's stabilization window (seed 000), written as {@code "T0"} … {@code "T48"}. */
public enum Checkpoint {
    T0(0), T4(4), T24(24), T48(48);

    private final int hours;

    Checkpoint(int hours) {
        this.hours = hours;
    }

    /** Time from the deploy's start to this checkpoint. */
    public Duration offset() {
        return Duration.ofHours(hours);
    }
}
