package io.vigil.ownership.application;

import io.vigil.events.EventPayload;
import io.vigil.events.Severity;
import io.vigil.events.VigilEvent;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.ownership.PostmortemTrigger;
import io.vigil.ownership.domain.DeployOwnership;
import io.vigil.ownership.persistence.DeployWindowRepository;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * What happens elsewhere that obliges a deploy's owner (seed 000 post-mortem duty): a P1 incident on the
 * deploy's service during its window, a kill-switch activation while windows are open.
 */
@ApplicationScoped
public class WindowTriggers {
    private final EventSourcedRepository deploys;
    private final DeployWindowRepository windows;
    private final Policy policy;

    public WindowTriggers(EventSourcedRepository deploys, DeployWindowRepository windows, Policy policy) {
        this.deploys = deploys;
        this.windows = windows;
        this.policy = policy;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(VigilEvent<EventPayload> event) {
        switch (event.payload()) {
            case IncidentOpened i when i.severity() == Severity.P1 -> {
                List<String> ids = i.deployId() != null ? List.of(i.deployId()) : windows.openOnServiceAt(i.service(), i.openedAt());
                trigger(event, ids, PostmortemTrigger.P1_INCIDENT, i.incidentId(), i.openedAt());
            }
            case KillSwitchActivated k -> trigger(event, windows.openAt(k.activatedAt()),
                    PostmortemTrigger.KILLSWITCH_ACTIVATED, k.switchId(), k.activatedAt());
            default -> {
            }
        }
    }

    private void trigger(VigilEvent<EventPayload> event, List<String> deployIds, PostmortemTrigger trigger, String ref, Instant at) {
        for (String id : deployIds) {
            deploys.decide(DeployOwnership.KIND, id, Cause.event(event), d -> d.postmortemTriggered(trigger, ref, at, policy));
        }
    }
}
