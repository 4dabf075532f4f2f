package io.vigil.escalation.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.escalation.application.IncidentCommands;
import io.vigil.escalation.persistence.IncidentReadModel;
import io.vigil.platform.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/**
 * Incidents: any signed-in user reads them; the commands are for the on-call at that instant, the ingestion owner and
 * the SRE lead, which the domain checks ({@code incident.responders}) because on-call is read from the roster.
 */
@Path("/incidents")
@Authenticated
public class IncidentResource {
    private final IncidentCommands commands;
    private final IncidentReadModel incidents;
    private final SecurityIdentity identity;

    public IncidentResource(IncidentCommands commands, IncidentReadModel incidents, SecurityIdentity identity) {
        this.commands = commands;
        this.incidents = incidents;
        this.identity = identity;
    }

    @GET
    public List<IncidentView> list(@QueryParam("status") @DefaultValue("open") String status) {
        boolean openOnly = switch (status) {
            case "open" -> true;
            case "all" -> false;
            default -> throw Problem.badRequest("status", "must be open or all");
        };
        return incidents.list(openOnly).stream().map(r -> IncidentView.of(r, incidents.alerts(r.incidentId()), null)).toList();
    }

    @GET
    @Path("/{id}")
    public IncidentView get(@PathParam("id") String id) {
        return incidents.get(id).map(r -> IncidentView.of(r, incidents.alerts(id), incidents.timeline(id)))
                .orElseThrow(() -> Problem.notFound("incident", id));
    }

    @POST
    @Path("/{id}/acknowledge")
    public IncidentView acknowledge(@PathParam("id") String id) {
        commands.acknowledge(id, responder());
        return get(id);
    }

    @POST
    @Path("/{id}/resolve")
    public IncidentView resolve(@PathParam("id") String id, @Valid @NotNull IncidentRequests.Resolve body) {
        commands.resolve(id, responder(), body.rootCause(), body.resolution());
        return get(id);
    }

    @POST
    @Path("/{id}/escalate")
    public IncidentView escalate(@PathParam("id") String id, @Valid @NotNull IncidentRequests.Escalate body) {
        commands.escalate(id, responder(), body.reason());
        return get(id);
    }

    @POST
    @Path("/{id}/severity")
    public IncidentView severity(@PathParam("id") String id, @Valid @NotNull IncidentRequests.ChangeSeverity body) {
        commands.changeSeverity(id, responder(), body.severity(), body.reason());
        return get(id);
    }

    private IncidentCommands.Responder responder() {
        return new IncidentCommands.Responder(identity.getPrincipal().getName(), identity.getRoles());
    }
}
