package io.vigil.audit.domain;

import io.vigil.events.EventPayload;

/** An event as the log holds it: its place (seq), its id and its typed data. */
public record AuditedEvent(long seq, String eventId, EventPayload payload) {
}
