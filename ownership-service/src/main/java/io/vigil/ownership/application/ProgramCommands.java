package io.vigil.ownership.application;

import io.vigil.ownership.domain.PhaseRollbackForm;
import io.vigil.ownership.domain.Program;
import io.vigil.ownership.domain.ProgramActor;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.problem.Problem;
import io.vigil.policy.Policy;
import io.vigil.policy.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The use cases of a rollout programme: load it, let it decide with the policy in force, write the decision in one
 * transaction. Who asks is their realm roles plus their on-call duty at this instant, read from the {@link Roster}.
 */
@ApplicationScoped
public class ProgramCommands {
    private final EventSourcedRepository programs;
    private final Policy policy;
    private final Clock clock;
    private final Roster roster;

    public ProgramCommands(EventSourcedRepository programs, Policy policy, Clock clock, Roster roster) {
        this.programs = programs;
        this.policy = policy;
        this.clock = clock;
        this.roster = roster;
    }

    @Transactional
    public Program create(String programId, String name, String actor) {
        return programs.decide(Program.KIND, programId, Cause.actor(actor), p -> p.create(name, actor, policy, now())).state();
    }

    @Transactional
    public Program approveGate(String programId, String toPhase, ProgramActor actor, String comment) {
        requireGate(toPhase);
        return decide(programId, actor, (p, now) -> p.approveGate(toPhase, actor, comment, policy, now));
    }

    @Transactional
    public Program vetoGate(String programId, String toPhase, ProgramActor actor, String reason) {
        requireGate(toPhase);
        return decide(programId, actor, (p, now) -> p.vetoGate(toPhase, actor, reason, policy, now));
    }

    @Transactional
    public Program withdrawVeto(String programId, String toPhase, ProgramActor actor) {
        requireGate(toPhase);
        return decide(programId, actor, (p, now) -> p.withdrawVeto(toPhase, actor, policy, now));
    }

    @Transactional
    public Program requestRollback(String programId, PhaseRollbackForm form, ProgramActor actor) {
        if (!policy.phases().order().contains(form.toPhase())) {
            throw Problem.badRequest("toPhase", "must be one of " + String.join(", ", policy.phases().order()));
        }
        if (policy.phases().rollback().stream().noneMatch(r -> r.type().equals(form.type()))) {
            throw Problem.badRequest("type", "must be one of " + String.join(", ",
                    policy.phases().rollback().stream().map(r -> r.type()).toList()));
        }
        return decide(programId, actor, (p, now) -> p.requestRollback(form, actor, policy, now));
    }

    @Transactional
    public Program approveRollback(String programId, String rollbackId, ProgramActor actor) {
        return decide(programId, actor, (p, now) -> {
            if (!p.rollbacks().containsKey(rollbackId)) {
                throw Problem.notFound("rollback of " + programId, rollbackId);
            }
            return p.approveRollback(rollbackId, actor, policy, now);
        });
    }

    /** The person asking, with the realm roles of their token and their on-call duty now. */
    public ProgramActor actor(String username, Set<String> realmRoles) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(Role.values()).filter(r -> realmRoles.contains(r.id())).forEach(roles::add);
        roles.removeAll(EnumSet.of(Role.ON_CALL, Role.ON_CALL_PRIMARY, Role.ON_CALL_SECONDARY, Role.DEPLOY_OWNER,
                Role.ANYONE, Role.ALL_STAKEHOLDERS)); // duties come from the roster, never from a token
        return new ProgramActor(username, roles, onCallDuty(username));
    }

    private Role onCallDuty(String username) {
        Optional<Roster.OnCall> now = roster.onCallAt(clock.instant());
        return now.map(on -> username.equals(on.primary()) ? Role.ON_CALL_PRIMARY
                : username.equals(on.secondary()) ? Role.ON_CALL_SECONDARY : null).orElse(null);
    }

    private Program decide(String programId, ProgramActor actor, BiFunction<Program, Instant, Decision> decision) {
        return programs.decide(Program.KIND, programId, Cause.actor(actor.username()), p -> {
            if (!p.exists()) {
                throw Problem.notFound("programme", programId);
            }
            return decision.apply(p, now());
        }).state();
    }

    private void requireGate(String toPhase) {
        if (policy.phases().gates().stream().noneMatch(g -> g.to().equals(toPhase))) {
            throw new Problem(404, "Not found", "no phase gate leads to '" + toPhase + "'; the gates lead to "
                    + String.join(", ", policy.phases().gates().stream().map(g -> g.to()).toList()), null, null);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
