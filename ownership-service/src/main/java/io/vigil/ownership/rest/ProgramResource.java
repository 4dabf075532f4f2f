package io.vigil.ownership.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.events.ownership.ClientCommunication;
import io.vigil.ownership.application.ProgramCommands;
import io.vigil.ownership.domain.PhaseRollbackForm;
import io.vigil.ownership.domain.Program;
import io.vigil.ownership.domain.ProgramActor;
import io.vigil.ownership.persistence.ProgramRepository;
import io.vigil.ownership.persistence.ProgramSheet;
import io.vigil.platform.problem.Problem;
import io.vigil.policy.Policy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;

/**
 * Rollout programmes and their phase gates (seed 001 §6, DESIGN §8). Who may approve, veto or roll back is decided by
 * the programme's rules from the policy, so those refusals name the policy rule (403 who asks, 409 state).
 */
@Path("/programs")
@Authenticated
public class ProgramResource {
    private final ProgramCommands commands;
    private final ProgramRepository programs;
    private final SecurityIdentity identity;
    private final Policy policy;

    public ProgramResource(ProgramCommands commands, ProgramRepository programs, SecurityIdentity identity, Policy policy) {
        this.commands = commands;
        this.programs = programs;
        this.identity = identity;
        this.policy = policy;
    }

    @POST
    @RolesAllowed({"ingestion-owner", "admin"})
    public Response create(@Valid @NotNull ProgramRequests.Create request, UriInfo uri) {
        commands.create(request.programId(), request.name(), identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(request.programId()).build()).entity(view(request.programId())).build();
    }

    @GET
    public List<ProgramView> list() {
        return programs.all().stream().map(p -> ProgramView.of(p, policy.phases())).toList();
    }

    @GET
    @Path("/{id}")
    public ProgramView get(@PathParam("id") String id) {
        return view(id);
    }

    @POST
    @Path("/{id}/gates/{toPhase}/approve")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgramRequests.Approve.class)))
    public ProgramView approve(@PathParam("id") String id, @PathParam("toPhase") String toPhase, byte[] body) {
        commands.approveGate(id, toPhase, actor(), ProgramRequests.Approve.comment(body));
        return view(id);
    }

    @POST
    @Path("/{id}/gates/{toPhase}/veto")
    public ProgramView veto(@PathParam("id") String id, @PathParam("toPhase") String toPhase, @Valid @NotNull ProgramRequests.Veto request) {
        commands.vetoGate(id, toPhase, actor(), request.reason());
        return view(id);
    }

    @POST
    @Path("/{id}/gates/{toPhase}/withdraw-veto")
    public ProgramView withdrawVeto(@PathParam("id") String id, @PathParam("toPhase") String toPhase) {
        commands.withdrawVeto(id, toPhase, actor());
        return view(id);
    }

    /** 201 when the rollback took effect, 202 when it waits for the approvals its type needs. */
    @POST
    @Path("/{id}/rollbacks")
    public Response rollback(@PathParam("id") String id, @Valid @NotNull ProgramRequests.Rollback request, UriInfo uri) {
        PhaseRollbackForm form = new PhaseRollbackForm(request.toPhase(), request.type(), request.reasonCategory(),
                request.reason(), blankToNull(request.investigationAssignee()), request.reRampTarget(),
                "required".equals(request.clientCommunication()) ? ClientCommunication.REQUIRED : ClientCommunication.NOT_REQUIRED);
        Program after = commands.requestRollback(id, form, actor());
        String rollbackId = after.lastRollbackId();
        return Response.status(after.pending() != null ? 202 : 201)
                .location(uri.getAbsolutePathBuilder().path(rollbackId).build())
                .entity(rollbackView(id, rollbackId)).build();
    }

    @POST
    @Path("/{id}/rollbacks/{rollbackId}/approve")
    public ProgramSheet.Rollback approveRollback(@PathParam("id") String id, @PathParam("rollbackId") String rollbackId) {
        commands.approveRollback(id, rollbackId, actor());
        return rollbackView(id, rollbackId);
    }

    private ProgramSheet.Rollback rollbackView(String id, String rollbackId) {
        return view(id).rollbacks().stream().filter(r -> r.rollbackId().equals(rollbackId)).findFirst()
                .orElseThrow(() -> Problem.notFound("rollback of " + id, rollbackId));
    }

    private ProgramView view(String id) {
        return programs.findByIdOptional(id).map(p -> ProgramView.of(p, policy.phases()))
                .orElseThrow(() -> Problem.notFound("programme", id));
    }

    private ProgramActor actor() {
        return commands.actor(identity.getPrincipal().getName(), identity.getRoles());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
