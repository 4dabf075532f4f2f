package io.vigil.escalation.application;

import io.vigil.escalation.domain.Duty;
import io.vigil.escalation.domain.Incident;
import io.vigil.escalation.domain.IncidentResponders;
import io.vigil.events.Severity;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.Versioned;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.problem.Problem;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** What responders do to an incident: acknowledge, resolve, escalate, change its severity. */
@ApplicationScoped
public class IncidentCommands {
    /** Who asks: their username and realm roles. */
    public record Responder(String username, Set<String> roles) {
    }

    @FunctionalInterface
    private interface Command {
        Decision on(Incident incident, Duty duty, Instant now);
    }

    private final EventSourcedRepository repository;
    private final DutyLookup duty;
    private final Policy policy;
    private final Clock clock;

    public IncidentCommands(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
        this.repository = repository;
        this.duty = duty;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public void acknowledge(String id, Responder who) {
        run(id, who, (i, d, now) -> i.acknowledge(who.username(), now));
    }

    @Transactional
    public void resolve(String id, Responder who, String rootCause, String resolution) {
        run(id, who, (i, d, now) -> i.resolve(who.username(), rootCause, resolution, now));
    }

    @Transactional
    public void escalate(String id, Responder who, String reason) {
        run(id, who, (i, d, now) -> i.escalate(who.username(), reason, policy, d, now));
    }

    @Transactional
    public void changeSeverity(String id, Responder who, Severity to, String reason) {
        run(id, who, (i, d, now) -> i.changeSeverity(to, reason, who.username(), null, policy, d, now));
    }

    private void run(String id, Responder who, Command command) {
        Versioned<Incident> incident = repository.load(Incident.KIND, id);
        if (!incident.exists()) {
            throw Problem.notFound("incident", id);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Duty d = duty.at(now, incident.state().service());
        IncidentResponders.mustBeOne(who.username(), who.roles(), d);
        repository.decide(Incident.KIND, id, Cause.actor(who.username()), i -> command.on(i, d, now));
    }
}
