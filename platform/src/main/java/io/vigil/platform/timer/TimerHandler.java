package io.vigil.platform.timer;

/** Fires timers of one kind; runs in the transaction that marks the timer fired. */
public interface TimerHandler {
    String kind();

    void fire(DueTimer timer);
}
