package io.vigil.ownership.application;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.ownership.domain.DeployOwnership;
import io.vigil.ownership.domain.StartDeploy;
import io.vigil.ownership.persistence.DeployWindowProjector;
import io.vigil.platform.eventstore.EventStore;
import io.vigil.platform.eventstore.NewEvents;
import io.vigil.platform.inbox.RejectedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Starts the ownership of a production deploy, whether registered over HTTP or announced on Kafka. */
@ApplicationScoped
public class DeployRegistration {
    private final EventStore store;
    private final NewEvents newEvents;
    private final DeployWindowProjector projector;

    public DeployRegistration(EventStore store, NewEvents newEvents, DeployWindowProjector projector) {
        this.store = store;
        this.newEvents = newEvents;
        this.projector = projector;
    }

    /** @return the deploy after its start: owner and window */
    @Transactional
    public DeployOwnership register(StartDeploy command, String actor) {
        DeployOwnership deploy = load(command.deployId());
        List<VigilEvent<EventPayload>> events = newEvents.byActor(command.deployId(), actor, deploy.start(command));
        store.append(DeployOwnership.AGGREGATE_TYPE, command.deployId(), deploy.version(), events);
        projector.project(events);
        return DeployOwnership.replay(events.stream().map(VigilEvent::payload).toList());
    }

    /**
     * A deploy announced by a CI/CD system. Our own announcements come back on the same topic;
     * those deploys exist already and are left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startedElsewhere(VigilEvent<DeployStarted> started) {
        if (!started.subject().equals(started.payload().deployId())) {
            throw new RejectedEvent("subject '" + started.subject() + "' is not the deployId '" + started.payload().deployId() + "'");
        }
        DeployOwnership deploy = load(started.subject());
        if (deploy.exists()) {
            return;
        }
        List<VigilEvent<EventPayload>> caused = newEvents.causedBy(started, started.subject(), deploy.assignOwnerOf(started.payload()));
        store.appendReceived(DeployOwnership.AGGREGATE_TYPE, started.subject(), deploy.version(), started, caused);
        projector.project(List.of(started));
        projector.project(caused);
    }

    private DeployOwnership load(String deployId) {
        return DeployOwnership.replay(store.load(deployId).stream().map(VigilEvent::payload).toList());
    }
}
