package io.vigil.ownership.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.ownership.application.DeployRegistration;
import io.vigil.ownership.domain.DeployOwnership;
import io.vigil.ownership.domain.StartDeploy;
import io.vigil.ownership.persistence.DeployWindowRepository;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/deploys")
@Authenticated
public class DeployResource {
    public record Registered(String deployId, String owner, Instant windowEndsAt) {
    }

    private final DeployRegistration registration;
    private final DeployWindowRepository windows;
    private final SecurityIdentity identity;
    private final Clock clock;

    public DeployResource(DeployRegistration registration, DeployWindowRepository windows, SecurityIdentity identity, Clock clock) {
        this.registration = registration;
        this.windows = windows;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({"engineer", "ingestion-owner", "event-publisher"})
    public Response register(@Valid @NotNull RegisterDeployRequest request, UriInfo uri) {
        String deployId = request.deployId() != null ? request.deployId() : "dep-" + UUID.randomUUID();
        StartDeploy command = new StartDeploy(deployId, request.service(), request.version(), request.environment(),
                request.mergedBy(), request.owner(), request.prUrl(), request.stagingReportPassed(),
                request.rollbackPlanUrl(), request.startedAt() != null ? request.startedAt() : clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                request.preDeploy(), request.releaseType(), Boolean.TRUE.equals(request.emergency()));
        DeployOwnership deploy = registration.register(command, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(deployId).build())
                .entity(new Registered(deployId, deploy.owner(), deploy.window().endsAt()))
                .build();
    }

    @GET
    public List<DeployView> list(@QueryParam("state") @DefaultValue("active") String state) {
        return switch (state) {
            case "active" -> windows.active(clock.instant()).stream().map(DeployView::of).toList();
            case "all" -> windows.all().stream().map(DeployView::of).toList();
            default -> throw Problem.badRequest("state", "must be active or all");
        };
    }

    @GET
    @Path("/{id}")
    public DeployView get(@PathParam("id") String id) {
        return windows.findByIdOptional(id).map(DeployView::of).orElseThrow(() -> Problem.notFound("deploy", id));
    }
}
