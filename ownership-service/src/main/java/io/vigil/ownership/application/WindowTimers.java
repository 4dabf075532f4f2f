package io.vigil.ownership.application;

import io.vigil.events.ownership.Checkpoint;
import io.vigil.ownership.domain.DeployOwnership;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/** The deadlines the deploy aggregate scheduled: a check, a checkpoint or a post-mortem not done in time. */
public final class WindowTimers {
    static final String ACTOR = "ownership-service";

    private WindowTimers() {
    }

    static void fire(EventSourcedRepository deploys, DueTimer timer, Function<DeployOwnership, Decision> decide) {
        deploys.decide(DeployOwnership.KIND, timer.aggregateId(), Cause.actor(ACTOR),
                d -> d.exists() ? decide.apply(d) : Decision.nothing());
    }

    /** A check not recorded by its due time plus the grace: {@code check.missed}, owner then on-call primary. */
    @ApplicationScoped
    public static class CheckMissed implements TimerHandler {
        private final EventSourcedRepository deploys;
        private final Policy policy;
        private final People people;
        private final Clock clock;

        public CheckMissed(EventSourcedRepository deploys, Policy policy, People people, Clock clock) {
            this.deploys = deploys;
            this.policy = policy;
            this.people = people;
            this.clock = clock;
        }

        @Override
        public String kind() {
            return DeployOwnership.CHECK_TIMER;
        }

        @Override
        public void fire(DueTimer timer) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            WindowTimers.fire(deploys, timer, d -> d.checkOverdue(timer.payload(), now, people.onCallPrimaryAt(now), policy));
        }
    }

    /** A checkpoint's checklist not completed by its due time plus its grace: {@code checkpoint.missed}. */
    @ApplicationScoped
    public static class CheckpointMissed implements TimerHandler {
        private final EventSourcedRepository deploys;
        private final Policy policy;
        private final People people;
        private final Clock clock;

        public CheckpointMissed(EventSourcedRepository deploys, Policy policy, People people, Clock clock) {
            this.deploys = deploys;
            this.policy = policy;
            this.people = people;
            this.clock = clock;
        }

        @Override
        public String kind() {
            return DeployOwnership.CHECKPOINT_TIMER;
        }

        @Override
        public void fire(DueTimer timer) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            WindowTimers.fire(deploys, timer, d -> d.checkpointOverdue(Checkpoint.valueOf(timer.payload()), now,
                    people.onCallPrimaryAt(now), policy));
        }
    }

    /** An incident doc not filed 72 h after its trigger: {@code postmortem.overdue}. */
    @ApplicationScoped
    public static class PostmortemOverdue implements TimerHandler {
        private final EventSourcedRepository deploys;
        private final Policy policy;

        public PostmortemOverdue(EventSourcedRepository deploys, Policy policy) {
            this.deploys = deploys;
            this.policy = policy;
        }

        @Override
        public String kind() {
            return DeployOwnership.POSTMORTEM_TIMER;
        }

        @Override
        public void fire(DueTimer timer) {
            WindowTimers.fire(deploys, timer, d -> d.postmortemOverdue(timer.payload(), policy));
        }
    }
}
