package io.vigil.platform.projection;

import io.vigil.platform.eventstore.StoredEvent;

import java.util.List;

/**
 * A read model kept from the event store: updated in the transaction that appends the events, and
 * rebuildable from the store at any time ({@code POST /admin/projections/{name}/rebuild}). Its rows carry
 * the version of the last event applied, which is the event store's own, never a count of its own.
 */
public interface Projection {
    /** A stable name, used by the rebuild endpoint. */
    String name();

    /** The aggregate types whose events this projection reads. */
    List<String> aggregateTypes();

    /** Applies one stored event; runs in the caller's transaction. */
    void apply(StoredEvent event);

    /** Removes every row, before a rebuild replays the store into it. */
    void clear();
}
