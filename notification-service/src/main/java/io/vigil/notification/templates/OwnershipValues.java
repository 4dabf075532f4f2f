package io.vigil.notification.templates;

import io.vigil.events.ownership.CheckMissed;
import io.vigil.events.ownership.CheckpointMissed;
import io.vigil.events.ownership.OwnershipEvent;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.PostmortemOverdue;
import io.vigil.events.ownership.PostmortemRequired;

import java.util.HashMap;
import java.util.Map;

/** The values of the deploy-ownership notices of seed 000 for one reader. */
public final class OwnershipValues {
    private OwnershipValues() {
    }

    public static Map<String, Object> of(MessageValues reader, OwnershipEvent event, String role) {
        Map<String, Object> v = new HashMap<>();
        v.put("deployId", event.deployId());
        v.put("role", role == null ? "deploy-owner" : role);
        switch (event) {
            case CheckMissed m -> {
                v.put("service", m.service());
                v.put("time", reader.time(m.missedAt()));
                v.put("owner", m.owner());
                v.put("dueAt", reader.time(m.dueAt()));
                v.put("interval", m.intervalMinutes());
            }
            case CheckpointMissed m -> {
                v.put("service", m.service());
                v.put("checkpoint", KillSwitchValues.spelt(m.checkpoint()));
                v.put("time", reader.time(m.missedAt()));
                v.put("owner", m.owner());
                v.put("dueAt", reader.time(m.dueAt()));
                v.put("openItems", m.openItems().isEmpty() ? "none listed" : String.join(", ", m.openItems()));
            }
            case OwnershipHandedOff h -> {
                v.put("service", h.service());
                v.put("time", reader.time(h.handedOffAt()));
                v.put("from", h.from());
                v.put("to", h.to());
                v.put("reason", h.reason());
                v.put("by", h.handedOffBy());
            }
            case PostmortemRequired r -> {
                v.put("service", r.service());
                v.put("time", reader.time(r.triggeredAt()));
                v.put("trigger", KillSwitchValues.spelt(r.trigger()) + (r.triggerRef() == null ? "" : " " + r.triggerRef()));
                v.put("owner", r.owner());
                v.put("dueAt", reader.time(r.dueAt()));
                v.put("docPath", r.docPath());
            }
            case PostmortemOverdue o -> {
                v.put("service", o.service());
                v.put("time", reader.time(o.dueAt()));
                v.put("owner", o.owner());
                v.put("dueAt", reader.time(o.dueAt()));
                v.put("docPath", o.docPath());
            }
            default -> throw new IllegalArgumentException("no notice for " + event.eventType());
        }
        return v;
    }
}
