package io.vigil.escalation.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.EventPayload;
import io.vigil.events.killswitch.Approval;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApproved;
import io.vigil.events.killswitch.KillSwitchRejected;
import io.vigil.events.killswitch.KillSwitchRequested;
import io.vigil.events.killswitch.KillSwitchResumeSigned;
import io.vigil.events.killswitch.KillSwitchResumed;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;
import io.vigil.policy.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A kill switch (seed 001 §2.2, §5): requested, then refused, in force at once, or waiting for the approvals it needs
 * first (a planned maintenance also for its start); in force until resumed by the people §5.3 names or, for a pause of
 * fixed length, until it runs out. Its deadlines are durable timers of this aggregate (id {@code ks-<uuid>}).
 */
public record KillSwitch(String id, Status status, KillSwitchRequest request, String requestedBy, Instant activatedAt,
                         List<Approval> approvals, List<Approval> resumeSignatures) {
    public static final String APPROVAL_DUE_TIMER = "killswitch-approval-due";
    public static final String START_TIMER = "killswitch-start";
    public static final String EXPIRY_TIMER = "killswitch-expiry";
    static final String SERVICE_ACTOR = "escalation-service";

    public enum Status { NONE, PENDING_APPROVAL, ACTIVE, REJECTED, RESUMED }

    public static final AggregateKind<KillSwitch> KIND = new AggregateKind<>() {
        @Override
        public String name() {
            return "kill-switch";
        }

        @Override
        public KillSwitch initial(String id) {
            return new KillSwitch(id, Status.NONE, null, null, null, List.of(), List.of());
        }

        @Override
        public KillSwitch apply(KillSwitch s, EventPayload event) {
            return switch (event) {
                case KillSwitchRequested r -> new KillSwitch(s.id, Status.PENDING_APPROVAL, new KillSwitchRequest(r.action(),
                        r.scope(), r.scenario(), r.reason(), r.severity(), r.durationMinutes(), r.startsAt()), r.requestedBy(),
                        null, List.of(), List.of());
                case KillSwitchRejected r -> s.with(Status.REJECTED, s.activatedAt);
                case KillSwitchActivated a -> s.with(Status.ACTIVE, a.activatedAt());
                case KillSwitchApproved a -> new KillSwitch(s.id, s.status, s.request, s.requestedBy, s.activatedAt,
                        plus(s.approvals, new Approval(a.by(), a.role(), a.approvedAt())), s.resumeSignatures);
                case KillSwitchResumeSigned r -> new KillSwitch(s.id, s.status, s.request, s.requestedBy, s.activatedAt,
                        s.approvals, plus(s.resumeSignatures, new Approval(r.by(), r.role(), r.signedAt())));
                case KillSwitchResumed r -> s.with(Status.RESUMED, s.activatedAt);
                default -> s;
            };
        }
    };

    private KillSwitch with(Status to, Instant activated) {
        return new KillSwitch(id, to, request, requestedBy, activated, approvals, resumeSignatures);
    }

    private static List<Approval> plus(List<Approval> all, Approval one) {
        List<Approval> more = new ArrayList<>(all);
        more.add(one);
        return List.copyOf(more);
    }

    public boolean exists() {
        return status != Status.NONE;
    }

    public KillSwitchTerms terms(Policy policy) {
        return KillSwitchTerms.of(policy, request);
    }

    /** Required roles nobody has approved as yet. */
    public List<DutyRole> outstanding(KillSwitchTerms terms) {
        return terms.requiredRoles().stream().filter(r -> approvals.stream().noneMatch(a -> a.role() == r)).toList();
    }

    /** Asks for a switch: refused (403), in force at once (201), or waiting for approvals (202). */
    public Decision request(KillSwitchRequest command, KillSwitchAuthority who, Policy policy, Instant now) {
        return exists() ? Decision.nothing() : KillSwitchActivation.request(this, command, who, policy, now);
    }

    /** An approval by someone holding one of the roles still outstanding. */
    public Decision approve(KillSwitchAuthority who, String comment, Policy policy, Instant now) {
        return KillSwitchActivation.approve(this, who, comment, policy, now);
    }

    /** The planned start of an approved planned maintenance. */
    public Decision startDue(Policy policy, Duty duty, Instant now) {
        return KillSwitchActivation.startDue(this, policy, duty, now);
    }

    /** An approval deadline passed: what is still missing by then is overdue and escalated. */
    public Decision approvalDue(Instant deadline, Policy policy, Duty duty, Instant now) {
        return KillSwitchDeadlines.approvalDue(this, deadline, policy, duty, now);
    }

    /** A pause of fixed length ran out: it ends by itself. */
    public Decision expiryDue(Policy policy, Instant now) {
        return KillSwitchDeadlines.expiryDue(this, policy, now);
    }

    /** A signature of the resume by one of the people §5.3 names, with the verification it requires. */
    public Decision resume(KillSwitchAuthority who, io.vigil.events.killswitch.Verification verification, Policy policy, Instant now) {
        return KillSwitchResume.resume(this, who, verification, policy, now);
    }
}
