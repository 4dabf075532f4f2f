package io.vigil.ownership.domain;

import io.vigil.events.ownership.PostmortemRequired;
import io.vigil.events.ownership.PostmortemTrigger;
import io.vigil.policy.Policy;
import io.vigil.policy.PostmortemPolicy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Seed 000 "Post-Mortem Requirement": a P1 incident on the deploy's service, a kill-switch activation, a manual
 * intervention or a rollback during the window obliges the owner at that moment to file an incident doc within
 * 72 h of it, at {@code docs/incidents/YYYY-MM-DD-<slug>.md}. One duty per trigger reference.
 */
public final class PostmortemDuty {
    private PostmortemDuty() {
    }

    public static Optional<PostmortemRequired> required(PostmortemTrigger trigger, String triggerRef, Instant at,
                                                        String deployId, String service, String owner,
                                                        StabilizationWindow window, WindowLog log, Policy policy) {
        if (owner == null || !window.contains(at) || log.postmortems().containsKey(triggerRef)) {
            return Optional.empty();
        }
        PostmortemPolicy duty = policy.ownership().postmortem();
        PostmortemPolicy.Trigger rule = duty.trigger(spelling(trigger));
        String docPath = duty.docPathFor(at.atZone(ZoneOffset.UTC).toLocalDate(), slug(service + "-" + spelling(trigger)));
        return Optional.of(new PostmortemRequired(deployId, service, owner, trigger, triggerRef, at, at.plus(duty.due()),
                docPath, rule.ruleId(), policy.version()));
    }

    public static String spelling(PostmortemTrigger trigger) {
        return trigger.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
