package io.vigil.notification.application;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.roster.OverrideSet;
import io.vigil.events.roster.RotationScheduled;
import io.vigil.events.roster.ShiftStarted;
import io.vigil.notification.domain.ReceivedLog;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** A roster event: recorded as it came; the contact directory and the on-call schedule project it. */
@ApplicationScoped
public class RosterIntake {
    private final EventSourcedRepository repository;

    public RosterIntake(EventSourcedRepository repository) {
        this.repository = repository;
    }

    public void received(VigilEvent<EventPayload> event) {
        boolean schedule = event.payload() instanceof RotationScheduled || event.payload() instanceof OverrideSet
                || event.payload() instanceof ShiftStarted;
        repository.recordReceived(schedule ? ReceivedLog.ONCALL : ReceivedLog.PERSON, event.subject(), event, n -> Decision.nothing());
    }
}
