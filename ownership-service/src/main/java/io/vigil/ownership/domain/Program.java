package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.ownership.PhaseAdvanced;
import io.vigil.events.ownership.PhaseApproval;
import io.vigil.events.ownership.PhaseGateApproved;
import io.vigil.events.ownership.PhaseGateVetoed;
import io.vigil.events.ownership.PhaseRollbackApproved;
import io.vigil.events.ownership.PhaseRollbackRequested;
import io.vigil.events.ownership.PhaseRolledBack;
import io.vigil.events.ownership.PhaseVetoWithdrawn;
import io.vigil.events.ownership.ProgramCreated;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A rollout programme (seed 001 §6): the phase it is in, the approvals and vetoes of the gate out of that phase, the
 * rollback waiting for approval, and which rollbacks it has had. Immutable, rebuilt from its events ({@link #KIND});
 * the rules are in {@link PhaseGates} and {@link PhaseRollbacks}, the numbers in the policy's {@code phases}.
 *
 * @param approvals  the approvals of the gate out of {@code phase}, in the order they came
 * @param vetoes     the standing vetoes of that gate, by the username who cast them
 * @param rollbacks  rollback id → type, of every rollback requested or done
 */
public record Program(
        String programId,
        String name,
        String phase,
        List<PhaseApproval> approvals,
        Map<String, PhaseGateVetoed> vetoes,
        PendingRollback pending,
        Map<String, String> rollbacks) {

    /** Programme ids cannot collide with deploy ids ({@code dep-…}) or usernames. */
    public static final Pattern ID = Pattern.compile("prog-[a-z0-9][a-z0-9-]{0,62}");

    public static final AggregateKind<Program> KIND = new AggregateKind<>() {
        @Override
        public String name() {
            return "program";
        }

        @Override
        public Program initial(String id) {
            return new Program(id, null, null, List.of(), Map.of(), null, Map.of());
        }

        @Override
        public Program apply(Program p, EventPayload event) {
            return p.apply(event);
        }
    };

    /** A rollback authorized and waiting for the approvals of its type. */
    public record PendingRollback(PhaseRollbackRequested request, List<PhaseApproval> approvals) {
        public PendingRollback {
            approvals = List.copyOf(approvals);
        }
    }

    public Program {
        approvals = List.copyOf(approvals);
        vetoes = Map.copyOf(vetoes);
        rollbacks = Map.copyOf(rollbacks);
    }

    public boolean exists() {
        return name != null;
    }

    /** Rollbacks are numbered within the programme: {@code rb-1}, {@code rb-2}, … */
    public String lastRollbackId() {
        return rollbacks.isEmpty() ? null : "rb-" + rollbacks.size();
    }

    String nextRollbackId() {
        return "rb-" + (rollbacks.size() + 1);
    }

    public Decision create(String programName, String by, Policy policy, Instant now) {
        if (!ID.matcher(programId).matches()) {
            throw new RuleViolation("program-id", "programId '" + programId + "' must be 'prog-' then lower-case letters, digits and '-'");
        }
        if (exists()) {
            throw new RuleViolation("program-id-unique", "programme '" + programId + "' exists already");
        }
        return Decision.record(new ProgramCreated(programId, programName, policy.phases().order().getFirst(), by, now));
    }

    public Decision approveGate(String toPhase, ProgramActor actor, String comment, Policy policy, Instant now) {
        return PhaseGates.approve(this, toPhase, actor, comment, policy, now);
    }

    public Decision vetoGate(String toPhase, ProgramActor actor, String reason, Policy policy, Instant now) {
        return PhaseGates.veto(this, toPhase, actor, reason, policy, now);
    }

    public Decision withdrawVeto(String toPhase, ProgramActor actor, Policy policy, Instant now) {
        return PhaseGates.withdraw(this, toPhase, actor, policy, now);
    }

    public Decision requestRollback(PhaseRollbackForm form, ProgramActor actor, Policy policy, Instant now) {
        return PhaseRollbacks.request(this, form, actor, policy, now);
    }

    public Decision approveRollback(String rollbackId, ProgramActor actor, Policy policy, Instant now) {
        return PhaseRollbacks.approve(this, rollbackId, actor, policy, now);
    }

    private Program apply(EventPayload event) {
        return switch (event) {
            case ProgramCreated c -> new Program(programId, c.name(), c.phase(), List.of(), Map.of(), null, Map.of());
            case PhaseGateApproved a -> withGate(append(approvals, new PhaseApproval(a.by(), a.role(), a.approvedAt())), vetoes);
            case PhaseGateVetoed v -> {
                Map<String, PhaseGateVetoed> all = new LinkedHashMap<>(vetoes);
                all.put(v.by(), v);
                yield withGate(approvals, all);
            }
            case PhaseVetoWithdrawn w -> {
                Map<String, PhaseGateVetoed> all = new LinkedHashMap<>(vetoes);
                all.remove(w.by());
                yield withGate(approvals, all);
            }
            case PhaseAdvanced a -> new Program(programId, name, a.to(), List.of(), Map.of(), pending, rollbacks);
            case PhaseRollbackRequested r -> new Program(programId, name, phase, approvals, vetoes,
                    new PendingRollback(r, List.of()), with(rollbacks, r.rollbackId(), r.type()));
            case PhaseRollbackApproved a -> new Program(programId, name, phase, approvals, vetoes,
                    new PendingRollback(pending.request(), append(pending.approvals(), new PhaseApproval(a.by(), a.role(), a.approvedAt()))),
                    rollbacks);
            case PhaseRolledBack r -> new Program(programId, name, r.to(), List.of(), Map.of(), null, with(rollbacks, r.rollbackId(), r.type()));
            default -> this; // deploy-window events never reach a programme
        };
    }

    private Program withGate(List<PhaseApproval> gateApprovals, Map<String, PhaseGateVetoed> gateVetoes) {
        return new Program(programId, name, phase, gateApprovals, gateVetoes, pending, rollbacks);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(map);
        all.put(key, value);
        return all;
    }
}
