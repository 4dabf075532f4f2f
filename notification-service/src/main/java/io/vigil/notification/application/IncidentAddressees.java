package io.vigil.notification.application;

import io.vigil.events.Target;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.notification.domain.Addressee;
import io.vigil.notification.domain.Audience;
import io.vigil.notification.domain.IncidentFacts;
import io.vigil.notification.domain.RoleNames;
import io.vigil.policy.Policy;
import io.vigil.policy.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who an incident message goes to: the stakeholders of the policy, or the targets of an escalation step (the
 * person the producer named, else whoever holds the role at that instant). A request for a ticket names nobody
 * and goes to the on-call primary. Each person once, in the first role they were found in.
 */
@ApplicationScoped
public class IncidentAddressees {
    private final Directory directory;
    private final Policy policy;

    public IncidentAddressees(Directory directory, Policy policy) {
        this.directory = directory;
        this.policy = policy;
    }

    public List<Addressee> of(Audience audience, Object payload, IncidentFacts facts, Instant at) {
        List<Addressee> all = new ArrayList<>();
        if (audience == Audience.STAKEHOLDERS) {
            for (Role role : policy.stakeholders()) {
                all.addAll(directory.resolve(role, at, facts));
            }
        } else if (audience == Audience.TARGETS && payload instanceof IncidentEscalated e) {
            if (e.targets().isEmpty()) {
                all.addAll(directory.resolve(Role.ON_CALL_PRIMARY, at, facts));
            }
            for (Target t : e.targets()) {
                String role = t.role() == null ? "unknown" : RoleNames.of(t.role());
                if (t.person() != null) {
                    directory.person(t.person()).ifPresent(c -> all.add(new Addressee(c, role)));
                } else if (t.role() != null) {
                    all.addAll(directory.resolve(Role.valueOf(t.role().name()), at, facts));
                }
            }
        }
        Map<String, Addressee> once = new LinkedHashMap<>();
        all.forEach(a -> once.putIfAbsent(a.username(), a));
        return List.copyOf(once.values());
    }
}
