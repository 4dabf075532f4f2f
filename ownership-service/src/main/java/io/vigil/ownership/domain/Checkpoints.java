package io.vigil.ownership.domain;

import io.vigil.events.ownership.ChecklistItem;
import io.vigil.policy.CheckpointRule;
import io.vigil.platform.domain.RuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 000's checkpoint checklists (T+0, T+4, T+24, T+48): the owner answers the items no event answers; Vigil
 * fills in the others from what it saw in the window (deploy completed and its health check, P1 incidents, and
 * at T+48 the sign-off itself). An item an event should answer but none did is answered by the owner.
 */
public final class Checkpoints {
    public static final String SIGN_OFF = "sign-off";

    private Checkpoints() {
    }

    /** The checklist as completed with {@code answers} (item → true/false, or a count); throws {@link InvalidAnswers}. */
    public static List<ChecklistItem> complete(CheckpointRule rule, Map<String, Object> answers, WindowLog log) {
        Map<String, String> faults = new TreeMap<>();
        for (String name : answers.keySet()) {
            if (rule.items().stream().noneMatch(i -> i.item().equals(name))) {
                faults.put("items." + name, "is not an item of the " + rule.checkpoint() + " checklist");
            }
        }
        List<ChecklistItem> items = new ArrayList<>();
        for (CheckpointRule.Item item : rule.items()) {
            ChecklistItem fromEvents = fromEvents(item, log);
            if (fromEvents != null) {
                items.add(fromEvents);
                continue;
            }
            Object answer = answers.get(item.item());
            ChecklistItem answered = answer == null ? null : answered(item, answer);
            if (answered == null) {
                faults.put("items." + item.item(), item.kind() == CheckpointRule.Kind.COUNT
                        ? "needs a count (\"" + item.text() + "\")" : "needs true or false (\"" + item.text() + "\")");
            } else {
                items.add(answered);
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidAnswers(faults);
        }
        return items;
    }

    public static void mayComplete(CheckpointRule rule, StabilizationWindow window, WindowLog log, java.time.Instant now) {
        if (log.released()) {
            throw new RuleViolation(rule.ruleId(), "the window was signed off and released");
        }
        java.time.Instant opens = window.startsAt().plus(rule.at());
        if (now.isBefore(opens)) {
            throw new RuleViolation(rule.ruleId(), "the " + rule.checkpoint() + " checklist can be completed from " + opens + " on");
        }
        if (log.checkpointsDone().stream().anyMatch(c -> c.name().equals(rule.checkpoint()))) {
            throw new RuleViolation(rule.ruleId(), "the " + rule.checkpoint() + " checklist was completed already");
        }
    }

    /** The items the owner still owes when a checkpoint is missed. */
    public static List<String> openItems(CheckpointRule rule, WindowLog log) {
        return rule.items().stream().filter(i -> fromEvents(i, log) == null).map(CheckpointRule.Item::item).toList();
    }

    private static ChecklistItem fromEvents(CheckpointRule.Item item, WindowLog log) {
        if (item.answeredBy() == null) {
            return null;
        }
        return switch (item.answeredBy()) {
            case "deploy-completed" -> log.deployCompleted() ? new ChecklistItem(item.item(), true, null, true) : null;
            case "deploy-health-check" -> log.healthCheckPassed() == null ? null
                    : new ChecklistItem(item.item(), log.healthCheckPassed(), null, true);
            case "no-p1-incident-in-window" -> new ChecklistItem(item.item(), log.p1Incidents().isEmpty(),
                    log.p1Incidents().isEmpty() ? null : String.join(",", log.p1Incidents()), true);
            case SIGN_OFF -> new ChecklistItem(item.item(), false, "answered by the sign-off", true);
            default -> null;
        };
    }

    private static ChecklistItem answered(CheckpointRule.Item item, Object answer) {
        return switch (item.kind()) {
            case CONFIRM -> answer instanceof Boolean b ? new ChecklistItem(item.item(), b, null, false) : null;
            case COUNT -> answer instanceof Number n && n.longValue() >= 0 && n.doubleValue() == n.longValue()
                    ? new ChecklistItem(item.item(), true, Long.toString(n.longValue()), false) : null;
        };
    }
}
