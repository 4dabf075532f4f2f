package io.vigil.escalation.application;

import io.vigil.escalation.domain.KillSwitch;
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

/** The kill switch's durable timers: approval deadlines, the planned start, the end of a pause of fixed length. */
public final class KillSwitchTimers {
    static final String ACTOR = "escalation-service";

    private KillSwitchTimers() {
    }

    abstract static class SwitchTimer implements TimerHandler {
        final EventSourcedRepository repository;
        final DutyLookup duty;
        final Policy policy;
        final Clock clock;

        SwitchTimer(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
            this.repository = repository;
            this.duty = duty;
            this.policy = policy;
            this.clock = clock;
        }

        @Override
        public void fire(DueTimer timer) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            repository.decide(KillSwitch.KIND, timer.aggregateId(), Cause.actor(ACTOR),
                    s -> s.exists() ? decide(s, timer, now) : Decision.nothing());
        }

        abstract Decision decide(KillSwitch killSwitch, DueTimer timer, Instant now);
    }

    @Singleton
    public static class ApprovalDue extends SwitchTimer {
        public ApprovalDue(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
            super(repository, duty, policy, clock);
        }

        @Override
        public String kind() {
            return KillSwitch.APPROVAL_DUE_TIMER;
        }

        @Override
        Decision decide(KillSwitch killSwitch, DueTimer timer, Instant now) {
            return killSwitch.approvalDue(Instant.parse(timer.payload()), policy, duty.at(now, null), now);
        }
    }

    @Singleton
    public static class StartDue extends SwitchTimer {
        public StartDue(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
            super(repository, duty, policy, clock);
        }

        @Override
        public String kind() {
            return KillSwitch.START_TIMER;
        }

        @Override
        Decision decide(KillSwitch killSwitch, DueTimer timer, Instant now) {
            return killSwitch.startDue(policy, duty.at(now, null), now);
        }
    }

    @Singleton
    public static class ExpiryDue extends SwitchTimer {
        public ExpiryDue(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
            super(repository, duty, policy, clock);
        }

        @Override
        public String kind() {
            return KillSwitch.EXPIRY_TIMER;
        }

        @Override
        Decision decide(KillSwitch killSwitch, DueTimer timer, Instant now) {
            return killSwitch.expiryDue(policy, now);
        }
    }
}
