package io.vigil.ownership.application;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.ownership.domain.DeployOwnership;
import io.vigil.ownership.domain.StartDeploy;
import io.vigil.platform.domain.Versioned;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.inbox.RejectedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Starts the ownership of a production deploy, whether registered over HTTP or announced on Kafka. */
@ApplicationScoped
public class DeployRegistration {
    private final EventSourcedRepository deploys;
    private final RulesInForce rules;

    public DeployRegistration(EventSourcedRepository deploys, RulesInForce rules) {
        this.deploys = deploys;
        this.rules = rules;
    }

    /** @return the deploy after its start: owner and window */
    @Transactional
    public DeployOwnership register(StartDeploy command, String actor) {
        return deploys.decide(DeployOwnership.KIND, command.deployId(), Cause.actor(actor),
                deploy -> deploy.start(command, rules.ownership())).state();
    }

    /**
     * A deploy announced by a CI/CD system. Our own announcements come back on the same topic;
     * those deploys exist already and are left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startedElsewhere(VigilEvent<EventPayload> started) {
        if (!(started.payload() instanceof DeployStarted payload)) {
            return;
        }
        if (!started.subject().equals(payload.deployId())) {
            throw new RejectedEvent("subject '" + started.subject() + "' is not the deployId '" + payload.deployId() + "'");
        }
        Versioned<DeployOwnership> deploy = deploys.load(DeployOwnership.KIND, started.subject());
        if (deploy.exists()) {
            return;
        }
        deploys.recordReceived(DeployOwnership.KIND, started.subject(), started, d -> d.assignOwner(rules.ownership()));
    }
}
