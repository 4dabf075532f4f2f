package io.vigil.escalation.application;

import io.vigil.escalation.domain.CopiedStream;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.OwnershipReleased;
import io.vigil.events.roster.RosterEvent;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Keeps our own copy of the roster and of the deploy windows: the events are stored as received (the projections
 * {@code roster} and {@code deploy-window} follow them), so the ladder never calls another service.
 */
@ApplicationScoped
public class CopiedEvents {
    private final EventSourcedRepository repository;

    public CopiedEvents(EventSourcedRepository repository) {
        this.repository = repository;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void roster(VigilEvent<EventPayload> event) {
        if (event.payload() instanceof RosterEvent) {
            keep(CopiedStream.ROSTER, event);
        }
    }

    /** Only what says who owns which window; checks, checkpoints and programmes are not ours to keep. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ownership(VigilEvent<EventPayload> event) {
        switch (event.payload()) {
            case OwnershipAssigned a -> keep(CopiedStream.DEPLOY_WINDOWS, event);
            case OwnershipHandedOff h -> keep(CopiedStream.DEPLOY_WINDOWS, event);
            case OwnershipReleased r -> keep(CopiedStream.DEPLOY_WINDOWS, event);
            default -> {
            }
        }
    }

    private void keep(CopiedStream stream, VigilEvent<EventPayload> event) {
        repository.recordReceived(stream, stream.idOf(event.subject()), event, s -> Decision.nothing());
    }
}
