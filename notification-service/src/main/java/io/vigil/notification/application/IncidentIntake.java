package io.vigil.notification.application;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.incidents.IncidentEvent;
import io.vigil.notification.domain.Addressee;
import io.vigil.notification.domain.CommunicationMatrix;
import io.vigil.notification.domain.IncidentFacts;
import io.vigil.notification.domain.IncidentLog;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.inbox.RejectedEvent;
import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.notification.config.NotificationConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An incident event: recorded with the incident's other events, then turned into the messages the communication
 * matrix asks for, one delivery per recipient and channel, all in the inbox's transaction.
 */
@ApplicationScoped
public class IncidentIntake {
    private static final Logger LOG = Logger.getLogger(IncidentIntake.class);
    private final EventSourcedRepository repository;
    private final CommunicationMatrix matrix = CommunicationMatrix.seed001();
    private final IncidentAddressees addressees;
    private final IncidentMessages messages;
    private final DeliveryPlan plan;
    private final Duration maxAge;
    private final Clock clock;

    public IncidentIntake(EventSourcedRepository repository, IncidentAddressees addressees, IncidentMessages messages,
                          DeliveryPlan plan, NotificationConfig config, Clock clock) {
        this.repository = repository;
        this.maxAge = config.maxEventAge();
        this.clock = clock;
        this.addressees = addressees;
        this.messages = messages;
        this.plan = plan;
    }

    public void received(VigilEvent<EventPayload> event) {
        if (!(event.payload() instanceof IncidentEvent incident)) {
            throw new RejectedEvent(event.type().typeName() + " is not an incident event");
        }
        IncidentFacts facts = repository.recordReceived(IncidentLog.KIND, incident.incidentId(), event, f -> Decision.nothing()).state();
        Instant at = IncidentMessages.instantOf(incident, event.time());
        if (at.isBefore(clock.instant().minus(maxAge))) {
            LOG.infof("%s %s of %s is older than %s: recorded, nobody notified", event.type().typeName(), event.id(), at, maxAge);
            return;
        }
        matrix.forType(event.type()).ifPresent(entry -> {
            DeliveryPlan.Cause cause = new DeliveryPlan.Cause(event.id(), event.type().typeName(), event.subject());
            for (Addressee to : addressees.of(entry.audience(), incident, facts, at)) {
                plan.record(cause, to, messages.render(entry.template(), incident, facts, to, at));
            }
        });
    }
}
