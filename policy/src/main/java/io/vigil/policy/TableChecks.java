package io.vigil.policy;

import java.math.BigDecimal;
import java.util.List;

/** Checks that the tables are complete and ordered: kill switch, severity, rollout plans, phase gates, schedule. */
final class TableChecks {
    private static final BigDecimal FULL = BigDecimal.valueOf(100);

    static void check(Policy policy, PolicyChecks checks) {
        killSwitch(policy.killswitch(), checks);
        severityOrder(policy.severity().rules(), checks);
        plan("patch", policy.rollout().plans().patch(), checks);
        plan("minor", policy.rollout().plans().minor(), checks);
        plan("major", policy.rollout().plans().major(), checks);
        phases(policy.phases(), checks);
        schedule(policy.ownership().schedule(), checks);
    }

    private static void killSwitch(KillSwitchPolicy killswitch, PolicyChecks checks) {
        checks.exactlyOnce("/killswitch/actions", "action",
                killswitch.actions().stream().map(KillSwitchPolicy.ActionRule::action).toList(),
                List.of("pause-short", "pause-long", "resume", "rollback", "global-disable"));
        checks.exactlyOnce("/killswitch/scenarios", "scenario",
                killswitch.scenarios().stream().map(ScenarioRule::scenario).toList(),
                List.of("data-corruption", "error-rate-above-20", "error-rate-above-10", "planned-maintenance", "client-request"));
        List<String> resumed = killswitch.resume().stream().flatMap(r -> r.resumes().stream()).toList();
        for (String kind : List.of("pause-short", "pause-long", "rollback", "global-disable", "data-integrity-event")) {
            long rows = resumed.stream().filter(kind::equals).count();
            if (rows != 1) {
                checks.fail("/killswitch/resume", "'" + kind + "' must be resumed by exactly one row, not " + rows);
            }
        }
        checks.exactlyOnce("/killswitch/activationLog/fields", "field",
                killswitch.activationLog().fields().stream().map(KillSwitchPolicy.LogField::field).toList(), List.of());
    }

    /** The first rule that holds decides, so a less severe rule before a more severe one would shadow it. */
    private static void severityOrder(List<SeverityPolicy.SeverityRule> rules, PolicyChecks checks) {
        for (int i = 1; i < rules.size(); i++) {
            if (rules.get(i).severity().compareTo(rules.get(i - 1).severity()) < 0) {
                checks.fail("/severity/rules/" + i + "/severity",
                        "rules must be ordered most severe first, this one follows a " + rules.get(i - 1).severity() + " rule");
            }
        }
    }

    private static void plan(String releaseType, RolloutPolicy.Plan plan, PolicyChecks checks) {
        String base = "/rollout/plans/" + releaseType + "/stages";
        List<RolloutPolicy.Stage> stages = plan.stages();
        checks.exactlyOnce(base, "stage", stages.stream().map(RolloutPolicy.Stage::stage).toList(), List.of());
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).maxPercent().compareTo(stages.get(i - 1).maxPercent()) <= 0) {
                checks.fail(base + "/" + i + "/maxPercent", "must be above the previous stage's (" + stages.get(i - 1).maxPercent() + ")");
            }
        }
        if (!stages.isEmpty() && stages.getLast().maxPercent().compareTo(FULL) != 0) {
            checks.fail(base + "/" + (stages.size() - 1) + "/maxPercent", "the last stage must be 100");
        }
    }

    /** Gates go one phase at a time along the order; each rollback type appears once. */
    private static void phases(PhasePolicy phases, PolicyChecks checks) {
        List<String> order = phases.order();
        for (int i = 0; i < phases.gates().size(); i++) {
            PhasePolicy.Gate gate = phases.gates().get(i);
            int from = order.indexOf(gate.from());
            if (from < 0 || order.indexOf(gate.to()) != from + 1) {
                checks.fail("/phases/gates/" + i + "/to", "must be the phase after " + gate.from() + " in /phases/order");
            }
        }
        checks.exactlyOnce("/phases/gates", "to", phases.gates().stream().map(PhasePolicy.Gate::to).toList(),
                order.subList(1, order.size()));
        if (!order.contains(phases.generallyAvailable())) {
            checks.fail("/phases/generallyAvailable", "must be one of /phases/order");
        }
        checks.exactlyOnce("/phases/rollback", "type", phases.rollback().stream().map(PhasePolicy.RollbackRule::type).toList(),
                List.of("emergency", "p1-incident", "planned", "client-request"));
    }

    private static void schedule(DeploySchedule schedule, PolicyChecks checks) {
        for (int i = 0; i < schedule.avoid().size(); i++) {
            DeploySchedule.Avoid avoid = schedule.avoid().get(i);
            if (avoid.from() != null && avoid.to() != null && !avoid.to().isAfter(avoid.from())) {
                checks.fail("/ownership/schedule/avoid/" + i + "/to", "must be after from (" + avoid.from() + ")");
            }
        }
    }

    private TableChecks() {
    }
}
