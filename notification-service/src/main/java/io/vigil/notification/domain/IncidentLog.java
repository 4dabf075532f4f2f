package io.vigil.notification.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.Target;
import io.vigil.events.incidents.IncidentAcknowledged;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentSeverityChanged;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.platform.domain.AggregateKind;

/**
 * The incidents escalation-service published, as this service records them: the facts the messages need.
 * It decides nothing; what to send follows from the communication matrix.
 */
public final class IncidentLog implements AggregateKind<IncidentFacts> {
    public static final IncidentLog KIND = new IncidentLog();

    private IncidentLog() {
    }

    @Override
    public String name() {
        return "incident";
    }

    @Override
    public IncidentFacts initial(String id) {
        return IncidentFacts.unknown(id);
    }

    @Override
    public IncidentFacts apply(IncidentFacts facts, EventPayload event) {
        return switch (event) {
            case IncidentOpened o -> facts.opened(o.service(), o.title(), o.severity(), o.severityReasons(), o.scope(),
                    o.deployId(), o.deployOwner(), o.openedAt());
            case IncidentAcknowledged a -> facts.acknowledged(a.acknowledgedBy(), a.acknowledgedAt());
            case IncidentEscalated e -> facts.escalated(e.severity(), e.step(), e.action(),
                    e.targets().stream().map(Target::role).map(r -> r == null ? "?" : RoleNames.of(r)).toList());
            case IncidentSeverityChanged c -> facts.withSeverity(c.to());
            case IncidentUpdateDue u -> u.severity() == null ? facts : facts.withSeverity(u.severity());
            case IncidentResolved r -> facts.closed(r.severity(), r.openedAt());
            default -> facts;
        };
    }
}
