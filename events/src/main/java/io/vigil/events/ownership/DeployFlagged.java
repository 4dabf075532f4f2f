package io.vigil.events.ownership;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.events.EventType;
import io.vigil.events.Target;

import java.time.Instant;
import java.util.List;

/**
 * A production deploy went ahead with a violation of the deployment rules, flagged rather than refused: a gap in
 * the pre-deploy checklist (seeds 000 and 002), or a start in an avoided slot of the deployment schedule (seed 002:
 * peak hours, Friday afternoon, weekend, holiday) without an emergency. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param preDeploy the pre-deploy checklist as recorded at the start, every item with whether it was met
 * @param violations ids of the policy rules violated, e.g. {@code predeploy.owner-available}, {@code schedule.weekend}
 * @param reasons one line per violation, saying what to do about it
 * @param emergency whether the deploy was declared an emergency (optional)
 * @param releaseType patch, minor or major, when known (optional)
 * @param notifyTargets who is told: the owner, then the ingestion owner
 * @param policyRule id of the policy rule that decided this (DESIGN §3): the first violation
 * @param policyVersion version of the policy document that held the rule
 */
public record DeployFlagged(
        String deployId,
        String service,
        String environment,
        String owner,
        List<ChecklistItem> preDeploy,
        List<String> violations,
        List<String> reasons,
        Boolean emergency,
        String releaseType,
        @JsonProperty("notify") List<Target> notifyTargets,
        Instant flaggedAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    /** Lists are immutable; an absent list is empty. */
    public DeployFlagged {
        preDeploy = preDeploy == null ? List.of() : List.copyOf(preDeploy);
        violations = violations == null ? List.of() : List.copyOf(violations);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        notifyTargets = notifyTargets == null ? List.of() : List.copyOf(notifyTargets);
    }

    @Override
    public EventType eventType() {
        return EventType.DEPLOY_FLAGGED;
    }
}
