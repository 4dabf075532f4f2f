package io.vigil.notification.application;

import io.vigil.events.EventPayload;
import io.vigil.events.Target;
import io.vigil.events.VigilEvent;
import io.vigil.events.ownership.CheckMissed;
import io.vigil.events.ownership.CheckpointMissed;
import io.vigil.events.ownership.OwnershipEvent;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.PostmortemOverdue;
import io.vigil.events.ownership.PostmortemRequired;
import io.vigil.notification.config.NotificationConfig;
import io.vigil.notification.domain.Addressee;
import io.vigil.notification.domain.OwnershipNotices;
import io.vigil.notification.domain.RoleNames;
import io.vigil.notification.templates.MessageTemplates;
import io.vigil.notification.templates.MessageValues;
import io.vigil.notification.templates.OwnershipValues;
import io.vigil.policy.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deploy-ownership event of seed 000 (missed check or checkpoint, handoff, post-mortem duty): the notice of
 * {@link OwnershipNotices} to the people it names. Not recorded in this service's event store: the notice needs
 * nothing but the event, and the inbox keeps it from being handled twice.
 */
@ApplicationScoped
public class OwnershipIntake {
    private final MessageTemplates templates = new MessageTemplates();
    private final Directory directory;
    private final DeliveryPlan plan;
    private final Duration maxAge;
    private final Clock clock;

    public OwnershipIntake(Directory directory, DeliveryPlan plan, NotificationConfig config, Clock clock) {
        this.directory = directory;
        this.plan = plan;
        this.maxAge = config.maxEventAge();
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(VigilEvent<EventPayload> event) {
        if (!(event.payload() instanceof OwnershipEvent ownership)) {
            return;
        }
        OwnershipNotices.forType(event.type()).ifPresent(entry -> {
            Instant at = instantOf(ownership, event.time());
            if (at.isBefore(clock.instant().minus(maxAge))) {
                return;
            }
            DeliveryPlan.Cause cause = new DeliveryPlan.Cause(event.id(), event.type().typeName(), event.subject());
            for (Addressee to : addressees(entry.audience(), ownership, at)) {
                MessageValues reader = new MessageValues(to.contact().zone(), null, Duration.ZERO);
                plan.record(cause, to, templates.render(entry.template(), OwnershipValues.of(reader, ownership, to.role())));
            }
        });
    }

    private List<Addressee> addressees(OwnershipNotices.Audience audience, OwnershipEvent e, Instant at) {
        List<Addressee> all = new ArrayList<>();
        switch (audience) {
            case NOTIFY_LIST -> {
                List<Target> targets = e instanceof CheckMissed m ? m.notifyTargets()
                        : e instanceof CheckpointMissed c ? c.notifyTargets() : List.of();
                for (Target t : targets) {
                    String role = t.role() == null ? "deploy-owner" : RoleNames.of(t.role());
                    if (t.person() != null) {
                        directory.person(t.person()).ifPresent(c -> all.add(new Addressee(c, role)));
                    } else if (t.role() != null) {
                        all.addAll(directory.resolve(Role.valueOf(t.role().name()), at, null));
                    }
                }
                if (targets.isEmpty()) {
                    owner(e, all);
                }
            }
            case HANDOFF_PARTIES -> {
                OwnershipHandedOff h = (OwnershipHandedOff) e;
                directory.person(h.to()).ifPresent(c -> all.add(new Addressee(c, "deploy-owner")));
                directory.person(h.from()).ifPresent(c -> all.add(new Addressee(c, "previous-owner")));
            }
            case OWNER -> owner(e, all);
            case OWNER_AND_INGESTION_OWNER -> {
                owner(e, all);
                all.addAll(directory.resolve(Role.INGESTION_OWNER, at, null));
            }
        }
        Map<String, Addressee> once = new LinkedHashMap<>();
        all.forEach(a -> once.putIfAbsent(a.username(), a));
        return List.copyOf(once.values());
    }

    private void owner(OwnershipEvent e, List<Addressee> into) {
        String owner = switch (e) {
            case CheckMissed m -> m.owner();
            case CheckpointMissed c -> c.owner();
            case PostmortemRequired r -> r.owner();
            case PostmortemOverdue o -> o.owner();
            default -> null;
        };
        if (owner != null) {
            directory.person(owner).ifPresent(c -> into.add(new Addressee(c, "deploy-owner")));
        }
    }

    private static Instant instantOf(OwnershipEvent e, Instant fallback) {
        Instant at = switch (e) {
            case CheckMissed m -> m.missedAt();
            case CheckpointMissed c -> c.missedAt();
            case OwnershipHandedOff h -> h.handedOffAt();
            case PostmortemRequired r -> r.triggeredAt();
            case PostmortemOverdue o -> o.dueAt();
            default -> null;
        };
        return at == null ? fallback : at;
    }
}
