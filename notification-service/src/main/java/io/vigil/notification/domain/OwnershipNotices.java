package io.vigil.notification.domain;

import io.vigil.events.EventType;

import java.util.List;
import java.util.Optional;

/**
 * Seed 000 as data: which deploy-ownership event becomes which notice, for whom. A missed check or checkpoint
 * goes to the event's {@code notify} list (the policy's {@code notifyOnMiss}: owner, then on-call primary), a
 * handoff to both sides, a post-mortem duty to the owner, an overdue one also to the ingestion owner.
 */
public final class OwnershipNotices {
    public enum Audience { NOTIFY_LIST, HANDOFF_PARTIES, OWNER, OWNER_AND_INGESTION_OWNER }

    public record Entry(EventType type, MessageTemplate template, Audience audience) {
    }

    public static final List<Entry> SEED_000 = List.of(
            new Entry(EventType.CHECK_MISSED, MessageTemplate.CHECK_MISSED, Audience.NOTIFY_LIST),
            new Entry(EventType.CHECKPOINT_MISSED, MessageTemplate.CHECKPOINT_MISSED, Audience.NOTIFY_LIST),
            new Entry(EventType.OWNERSHIP_HANDED_OFF, MessageTemplate.HANDOFF, Audience.HANDOFF_PARTIES),
            new Entry(EventType.POSTMORTEM_REQUIRED, MessageTemplate.POSTMORTEM_REQUIRED, Audience.OWNER),
            new Entry(EventType.POSTMORTEM_OVERDUE, MessageTemplate.POSTMORTEM_OVERDUE, Audience.OWNER_AND_INGESTION_OWNER));

    private OwnershipNotices() {
    }

    public static Optional<Entry> forType(EventType type) {
        return SEED_000.stream().filter(e -> e.type() == type).findFirst();
    }
}
