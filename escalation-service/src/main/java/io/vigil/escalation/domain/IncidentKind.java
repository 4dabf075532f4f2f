package io.vigil.escalation.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.incidents.IncidentAcknowledged;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentSeverityChanged;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.platform.domain.AggregateKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How an incident's state follows from its events ({@code incident} aggregate type); what it decides is {@link Incident}'s. */
final class IncidentKind implements AggregateKind<Incident> {
    @Override
    public String name() {
        return "incident";
    }

    @Override
    public Incident initial(String id) {
        return new Incident(id, false, null, null, List.of(), null, null, false, Set.of(), 0);
    }

    @Override
    public Incident apply(Incident s, EventPayload event) {
        return switch (event) {
            case IncidentOpened o -> new Incident(s.id(), true, o.service(), o.severity(), o.alertKeys(), o.openedAt(),
                    null, false, Set.of(), 0);
            case IncidentEscalated e -> reaching(s, EscalationLadder.reach(e.action().name(),
                    e.targets().stream().map(t -> t.role().name()).toList()));
            case IncidentAcknowledged a -> new Incident(s.id(), true, s.service(), s.severity(), s.alertKeys(), s.openedAt(),
                    a.acknowledgedBy(), s.resolved(), s.reached(), s.updates());
            case IncidentSeverityChanged c -> new Incident(s.id(), true, s.service(), c.to(), s.alertKeys(), s.openedAt(),
                    s.acknowledgedBy(), s.resolved(), s.reached(), s.updates());
            case IncidentUpdateDue u -> new Incident(s.id(), true, s.service(), s.severity(), s.alertKeys(), s.openedAt(),
                    s.acknowledgedBy(), s.resolved(), s.reached(), u.updateNumber());
            case IncidentResolved r -> new Incident(s.id(), true, s.service(), s.severity(), s.alertKeys(), s.openedAt(),
                    s.acknowledgedBy(), true, s.reached(), s.updates());
            default -> s;
        };
    }

    private static Incident reaching(Incident s, String reach) {
        Set<String> all = new HashSet<>(s.reached());
        all.add(reach);
        return new Incident(s.id(), s.exists(), s.service(), s.severity(), s.alertKeys(), s.openedAt(), s.acknowledgedBy(),
                s.resolved(), Set.copyOf(all), s.updates());
    }
}
