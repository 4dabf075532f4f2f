package io.vigil.policy;

import java.util.List;

/**
 * Phase gates and rollback authority of a rollout programme (seed 001 §6, DESIGN §3): phases in {@code order}, each
 * gate needing every approver and blocked by any approver's veto until withdrawn; rollback types (§6.3) and the
 * sign-off form (§6.4).
 */
public record PhasePolicy(
        List<String> order,
        String generallyAvailable,
        List<Gate> gates,
        Veto veto,
        List<RollbackRule> rollback,
        RollbackForm rollbackForm) {

    public PhasePolicy {
        order = List.copyOf(order);
        gates = List.copyOf(gates);
        rollback = List.copyOf(rollback);
    }

    /** The gate into {@code phase}, e.g. {@code P2} → {@code phase.gate.P1-P2}. */
    public Gate gateTo(String phase) {
        return gates.stream().filter(g -> g.to().equals(phase)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no gate into phase " + phase + " in the policy"));
    }

    /** The rule of rollback type {@code emergency}, {@code p1-incident}, {@code planned} or {@code client-request}. */
    public RollbackRule rollbackOf(String type) {
        return rollback.stream().filter(r -> r.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phase rollback type " + type + " in the policy"));
    }

    /** Advancing {@code from} → {@code to} needs an approval of every role in {@code approvers}. */
    public record Gate(String ruleId, String from, String to, List<Role> approvers) implements Rule {
        public Gate {
            approvers = List.copyOf(approvers);
        }
    }

    /** {@code by: any-approver}: a gate's approver may veto it; it stays blocked until they withdraw. */
    public record Veto(String ruleId, String by) implements Rule {
    }

    /**
     * Seed 001 §6.3: one of {@code authorize} decides, every role of {@code approve} must approve; {@code immediate}
     * means it takes effect at once; {@code inform} are told at the decision, {@code notifyAfter} once it is done.
     */
    public record RollbackRule(
            String ruleId,
            String type,
            List<Role> authorize,
            List<Role> approve,
            boolean immediate,
            List<Role> inform,
            List<Role> notifyAfter) implements Rule {

        public RollbackRule {
            authorize = List.copyOf(authorize);
            approve = List.copyOf(approve);
            inform = List.copyOf(inform);
            notifyAfter = List.copyOf(notifyAfter);
        }
    }

    /** Seed 001 §6.4: the fields every rollback records, and the reason categories of the form. */
    public record RollbackForm(String ruleId, List<String> fields, List<String> reasonCategories) implements Rule {
        public RollbackForm {
            fields = List.copyOf(fields);
            reasonCategories = List.copyOf(reasonCategories);
        }
    }
}
