package io.vigil.platform.timer;

/**
 * Fires timers of one kind; runs in the transaction that marks the timer fired, so its effect commits with that
 * stamp. If the transaction rolls back (this or another handler of the batch threw), the timer is fired again;
 * a handler that throws has its timer retried later with the same {@link DueTimer#dueAt()}.
 */
public interface TimerHandler {
    String kind();

    void fire(DueTimer timer);
}
