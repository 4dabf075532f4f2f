package io.vigil.ownership.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.events.ownership.Checkpoint;
import io.vigil.events.ownership.RolloutMetrics;
import io.vigil.ownership.application.DeployWindow;
import io.vigil.ownership.domain.InvalidAnswers;
import io.vigil.ownership.persistence.DeployWindowRepository;
import io.vigil.platform.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/**
 * Commands on a deploy's stabilization window. Who may act is the window's rule to say (the owner, or for a
 * handoff also an ingestion owner; a publishing system for rollout reports), so it answers 403 naming the rule.
 */
@Path("/deploys/{id}")
@Authenticated
public class DeployWindowResource {
    static final String INGESTION_OWNER = "ingestion-owner";
    static final String EVENT_PUBLISHER = "event-publisher";
    static final String SRE_LEAD = "sre-lead";

    private final DeployWindow window;
    private final DeployWindowRepository windows;
    private final SecurityIdentity identity;

    public DeployWindowResource(DeployWindow window, DeployWindowRepository windows, SecurityIdentity identity) {
        this.window = window;
        this.windows = windows;
        this.identity = identity;
    }

    @POST
    @Path("/handoff")
    public DeployView handoff(@PathParam("id") String id, @Valid @NotNull WindowRequests.Handoff body) {
        window.handOff(id, me(), identity.hasRole(INGESTION_OWNER), body.to(), body.reason());
        return view(id);
    }

    @POST
    @Path("/checks")
    public DeployView check(@PathParam("id") String id, @Valid WindowRequests.Check body) {
        WindowRequests.Check check = body != null ? body : new WindowRequests.Check(null, null, null);
        window.recordCheck(id, me(), check.note(), check.deadLetterCount(), check.errorRateStable());
        return view(id);
    }

    @POST
    @Path("/checkpoints/{checkpoint}")
    public DeployView checkpoint(@PathParam("id") String id, @PathParam("checkpoint") String checkpoint,
                                 @Valid @NotNull WindowRequests.CheckpointItems body) {
        Checkpoint which;
        try {
            which = Checkpoint.valueOf(checkpoint);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("checkpoint", "must be T0, T4, T24 or T48");
        }
        try {
            window.completeCheckpoint(id, which, body.items(), me());
        } catch (InvalidAnswers e) {
            throw new Problem(400, "Invalid checklist", "answer every item of the " + checkpoint + " checklist that no event answers",
                    null, e.fields().entrySet().stream().map(f -> new Problem.FieldError(f.getKey(), f.getValue())).toList());
        }
        return view(id);
    }

    @POST
    @Path("/sign-off")
    public DeployView signOff(@PathParam("id") String id, @Valid @NotNull WindowRequests.SignOff body) {
        window.signOff(id, me(), body.comment());
        return view(id);
    }

    @POST
    @Path("/postmortem")
    public DeployView postmortem(@PathParam("id") String id, @Valid @NotNull WindowRequests.Postmortem body) {
        window.filePostmortem(id, me(), body.docUrl());
        return view(id);
    }

    /** A manual intervention in the window: it requires a post-mortem (seed 000). */
    @POST
    @Path("/interventions")
    public DeployView intervention(@PathParam("id") String id) {
        window.manualIntervention(id, me(), identity.hasRole(INGESTION_OWNER) || identity.hasRole(SRE_LEAD));
        return view(id);
    }

    public record RolloutVerdict(String decision, List<String> reasons, String policyRule, String policyVersion,
                                 java.time.Instant mayAdvanceAt, Double nextPercent) {
    }

    @POST
    @Path("/rollout")
    public RolloutVerdict rollout(@PathParam("id") String id, @Valid @NotNull WindowRequests.Rollout body) {
        RolloutMetrics metrics = new RolloutMetrics(body.percent(), body.errorRatePct(), body.baselineErrorRatePct(),
                body.p99Ms(), body.baselineP99Ms(), body.failedHealthChecks(), body.observedForSeconds());
        String owner = identity.hasRole(EVENT_PUBLISHER) ? null : me();
        var decided = window.reportRollout(id, me(), owner, metrics, body.releaseType(), body.stageStartedAt());
        return new RolloutVerdict(decided.decision().name(), decided.reasons(), decided.policyRule(), decided.policyVersion(),
                decided.mayAdvanceAt(), decided.nextPercent());
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    private DeployView view(String id) {
        return windows.findByIdOptional(id).map(DeployView::of).orElseThrow(() -> Problem.notFound("deploy", id));
    }
}
