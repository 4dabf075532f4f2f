package io.vigil.ownership.application;

import io.vigil.events.ownership.Checkpoint;
import io.vigil.events.ownership.RolloutDecided;
import io.vigil.events.ownership.RolloutMetrics;
import io.vigil.ownership.domain.DeployOwnership;
import io.vigil.ownership.domain.HandOff;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.problem.Problem;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** What people do with a deploy's window: hand it off, check it, complete checkpoints, sign off, file a post-mortem, report a rollout stage. */
@ApplicationScoped
public class DeployWindow {
    private final EventSourcedRepository deploys;
    private final Policy policy;
    private final People people;
    private final Clock clock;

    public DeployWindow(EventSourcedRepository deploys, Policy policy, People people, Clock clock) {
        this.deploys = deploys;
        this.policy = policy;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public DeployOwnership handOff(String deployId, String by, boolean byIngestionOwner, String to, String reason) {
        HandOff request = new HandOff(by, byIngestionOwner, to, people.isRegistered(to), reason, now());
        return decide(deployId, by, d -> d.handOff(request, policy));
    }

    @Transactional
    public DeployOwnership recordCheck(String deployId, String by, String note, Integer deadLetterCount, Boolean errorRateStable) {
        return decide(deployId, by, d -> d.recordCheck(by, note, deadLetterCount, errorRateStable, now(), policy));
    }

    @Transactional
    public DeployOwnership completeCheckpoint(String deployId, Checkpoint checkpoint, Map<String, Object> items, String by) {
        return decide(deployId, by, d -> d.completeCheckpoint(checkpoint, items, by, now(), policy));
    }

    @Transactional
    public DeployOwnership signOff(String deployId, String by, String comment) {
        return decide(deployId, by, d -> d.signOff(by, comment, now(), policy));
    }

    @Transactional
    public DeployOwnership filePostmortem(String deployId, String by, String docUrl) {
        return decide(deployId, by, d -> d.filePostmortem(by, docUrl, now(), policy));
    }

    @Transactional
    public DeployOwnership manualIntervention(String deployId, String by, boolean privileged) {
        return decide(deployId, by, d -> d.manualIntervention(by, privileged, now(), policy));
    }

    /** @param owner the person reporting, checked against the owner; null for a publishing system */
    @Transactional
    public RolloutDecided reportRollout(String deployId, String actor, String owner, RolloutMetrics metrics, String releaseType,
                                        Instant stageStartedAt) {
        AtomicReference<Decision> taken = new AtomicReference<>();
        decide(deployId, actor, d -> {
            taken.set(d.decideRollout(metrics, releaseType, stageStartedAt, owner, now(), policy));
            return taken.get();
        });
        return (RolloutDecided) taken.get().events().getFirst();
    }

    private DeployOwnership decide(String deployId, String actor, Function<DeployOwnership, Decision> decision) {
        return deploys.decide(DeployOwnership.KIND, deployId, Cause.actor(actor), d -> {
            if (!d.exists()) {
                throw Problem.notFound("deploy", deployId);
            }
            return decision.apply(d);
        }).state();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
