package io.vigil.platform.eventstore;

/** Another writer appended to the same aggregate first; the caller reloads and decides again. */
public class ConcurrencyConflict extends RuntimeException {
    public ConcurrencyConflict(String aggregateId, int expectedVersion) {
        super("aggregate '" + aggregateId + "' changed since version " + expectedVersion);
    }
}
