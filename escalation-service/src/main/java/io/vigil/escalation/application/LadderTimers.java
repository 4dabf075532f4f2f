package io.vigil.escalation.application;

import io.vigil.escalation.domain.EscalationLadder;
import io.vigil.escalation.domain.Incident;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;
import io.vigil.policy.Policy;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The incident's durable timers: ladder steps, the P1 unacknowledged page, the 30-minute updates. */
public final class LadderTimers {
    static final String ACTOR = "escalation-service";

    private LadderTimers() {
    }

    abstract static class IncidentTimer implements TimerHandler {
        final EventSourcedRepository repository;
        final DutyLookup duty;
        final Policy policy;
        final Clock clock;

        IncidentTimer(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
            this.repository = repository;
            this.duty = duty;
            this.policy = policy;
            this.clock = clock;
        }

        @Override
        public void fire(DueTimer timer) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            repository.decide(Incident.KIND, timer.aggregateId(), Cause.actor(ACTOR),
                    i -> i.exists() ? decide(i, timer.payload(), now) : Decision.nothing());
        }

        abstract Decision decide(Incident incident, String payload, Instant now);
    }

    @Singleton
    public static class StepDue extends IncidentTimer {
        public StepDue(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
            super(repository, duty, policy, clock);
        }

        @Override
        public String kind() {
            return EscalationLadder.STEP_TIMER;
        }

        @Override
        Decision decide(Incident incident, String payload, Instant now) {
            return incident.stepDue(payload, policy, duty.at(now, incident.service()), now);
        }
    }

    /** The P1 "not acknowledged by 15 min" page: a ladder step of its own, decided like the others. */
    @Singleton
    public static class UnacknowledgedDue extends StepDue {
        public UnacknowledgedDue(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
            super(repository, duty, policy, clock);
        }

        @Override
        public String kind() {
            return EscalationLadder.UNACKNOWLEDGED_TIMER;
        }
    }

    @Singleton
    public static class UpdateDue extends IncidentTimer {
        public UpdateDue(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
            super(repository, duty, policy, clock);
        }

        @Override
        public String kind() {
            return Incident.UPDATE_TIMER;
        }

        @Override
        Decision decide(Incident incident, String payload, Instant now) {
            return incident.updateDue(Integer.parseInt(payload), policy, duty.at(now, incident.service()), now);
        }
    }
}
