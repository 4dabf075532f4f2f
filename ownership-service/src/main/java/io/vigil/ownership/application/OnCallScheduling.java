package io.vigil.ownership.application;

import io.vigil.ownership.domain.OnCallSchedule;
import io.vigil.ownership.domain.ScheduleRotation;
import io.vigil.ownership.domain.SetOverride;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.ConcurrencyConflict;
import io.vigil.platform.eventstore.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/** Changes to the on-call schedule, and the shifts its timer announces. */
@ApplicationScoped
public class OnCallScheduling {
    /** The actor of events the schedule decides by itself, when a shift starts. */
    static final String SERVICE_ACTOR = "ownership-service";
    private static final int ATTEMPTS = 3;

    private final EventSourcedRepository schedules;
    private final OnCallRulesInForce rules;
    private final Roster roster;
    private final Clock clock;

    public OnCallScheduling(EventSourcedRepository schedules, OnCallRulesInForce rules, Roster roster, Clock clock) {
        this.schedules = schedules;
        this.rules = rules;
        this.roster = roster;
        this.clock = clock;
    }

    public OnCallSchedule schedule(ScheduleRotation command, String actor) {
        return decideRetrying(actor, s -> s.schedule(command, rules.rules(), roster::isRegistered, clock.instant()));
    }

    public OnCallSchedule override(SetOverride command, String actor) {
        return decideRetrying(actor, s -> s.override(command, rules.rules(), roster::isRegistered, clock.instant()));
    }

    /**
     * The schedule is one aggregate that administrators and the shift timer write: a change that lost the race is
     * decided again on the schedule as it now is (each attempt its own transaction), rather than refused with 409.
     */
    private OnCallSchedule decideRetrying(String actor, Function<OnCallSchedule, Decision> decide) {
        for (int attempt = 1; ; attempt++) {
            try {
                return schedules.decide(OnCallSchedule.KIND, OnCallSchedule.ID, Cause.actor(actor), decide).state();
            } catch (ConcurrencyConflict e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Runs in the transaction of the firing timer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceShift(Instant at) {
        schedules.decide(OnCallSchedule.KIND, OnCallSchedule.ID, Cause.actor(SERVICE_ACTOR),
                s -> s.announceShift(at, rules.rules()));
    }
}
