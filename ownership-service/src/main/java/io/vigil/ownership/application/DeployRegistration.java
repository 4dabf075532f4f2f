package io.vigil.ownership.application;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployCompleted;
import io.vigil.events.deploys.DeployEvent;
import io.vigil.events.deploys.DeployFailed;
import io.vigil.events.deploys.DeployRolledBack;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.deploys.RolloutStageReported;
import io.vigil.events.ownership.RolloutMetrics;
import io.vigil.ownership.domain.DeployOwnership;
import io.vigil.ownership.domain.StartDeploy;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.platform.domain.Versioned;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.inbox.RejectedEvent;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;

/**
 * Starts the ownership of a production deploy, whether registered over HTTP or announced on Kafka, and records
 * what CI/CD systems report about it afterwards (completed, rolled back, rollout stages).
 */
@ApplicationScoped
public class DeployRegistration {
    static final String OWNER_REGISTERED = "ownership.default-owner";

    private final EventSourcedRepository deploys;
    private final Policy policy;
    private final People people;
    private final URI ownSource;

    public DeployRegistration(EventSourcedRepository deploys, Policy policy, People people, VigilConfig config) {
        this.deploys = deploys;
        this.policy = policy;
        this.people = people;
        this.ownSource = config.source();
    }

    /** @return the deploy after its start: owner and window */
    @Transactional
    public DeployOwnership register(StartDeploy command, String actor) {
        String owner = command.namedOwner() == null || command.namedOwner().isBlank() ? command.mergedBy() : command.namedOwner();
        if (!people.isRegistered(owner)) {
            throw new RuleViolation(OWNER_REGISTERED, "the owner '" + owner + "' is not a registered person; register them with PUT /people/"
                    + owner + " or name a registered owner");
        }
        return deploys.decide(DeployOwnership.KIND, command.deployId(), Cause.actor(actor),
                deploy -> deploy.start(command, policy)).state();
    }

    /**
     * An event a CI/CD system published on {@code vigil.deploys}. Our own announcements come back on the same
     * topic (our source): those deploys are in our event store already — or were, before a database was reset — and
     * are left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receivedFromCi(VigilEvent<EventPayload> event) {
        if (!(event.payload() instanceof DeployEvent payload) || ownSource.equals(event.source())) {
            return;
        }
        if (!event.subject().equals(payload.deployId())) {
            throw new RejectedEvent("subject '" + event.subject() + "' is not the deployId '" + payload.deployId() + "'");
        }
        Versioned<DeployOwnership> deploy = deploys.load(DeployOwnership.KIND, event.subject());
        if (payload instanceof DeployStarted started) {
            if (deploy.exists()) {
                return;
            }
            if (!people.isRegistered(started.mergedBy())) {
                throw new RejectedEvent("rule " + OWNER_REGISTERED + ": the owner '" + started.mergedBy()
                        + "' (who merged the PR) is not a registered person");
            }
            deploys.recordReceived(DeployOwnership.KIND, event.subject(), event, d -> d.assignOwner(policy));
            return;
        }
        if (!deploy.state().exists()) {
            throw new RejectedEvent("deploy '" + event.subject() + "' was never started: " + event.type().typeName() + " has no window to belong to");
        }
        deploys.recordReceived(DeployOwnership.KIND, event.subject(), event, d -> switch (payload) {
            case DeployRolledBack r -> d.rolledBack(event.id(), r.rolledBackAt(), policy);
            case RolloutStageReported r -> d.decideRollout(new RolloutMetrics(r.percent(), r.errorRatePct(),
                    r.baselineErrorRatePct(), r.p99Ms(), r.baselineP99Ms(), r.failedHealthChecks(), r.observedForSeconds()),
                    r.releaseType() == null ? null : r.releaseType().name().toLowerCase(java.util.Locale.ROOT),
                    r.stageStartedAt(), null, r.reportedAt(), policy);
            case DeployCompleted c -> Decision.nothing();
            case DeployFailed f -> Decision.nothing();
            default -> Decision.nothing();
        });
    }
}
