package io.vigil.escalation.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.escalation.application.KillSwitchCommands;
import io.vigil.escalation.domain.KillSwitch;
import io.vigil.escalation.persistence.KillSwitchReadModel;
import io.vigil.platform.domain.Versioned;
import io.vigil.platform.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * Kill switches (DESIGN §8): anyone signed in may ask, read, approve or resume; whether they may is the authority
 * matrix's answer (the domain), read at that instant from the roster. A refused request is recorded and answered 403
 * naming the rule.
 */
@Path("/kill-switches")
@Authenticated
public class KillSwitchResource {
    private final KillSwitchCommands commands;
    private final KillSwitchReadModel switches;
    private final SecurityIdentity identity;

    public KillSwitchResource(KillSwitchCommands commands, KillSwitchReadModel switches, SecurityIdentity identity) {
        this.commands = commands;
        this.switches = switches;
        this.identity = identity;
    }

    /** Whether a scope is paused now, for the systems that must obey: its own switches in force and the global ones. */
    public record State(String scope, boolean paused, List<String> switchIds) {
    }

    @POST
    public Response request(@Valid @NotNull KillSwitchRequests.Create body) {
        Versioned<KillSwitch> decided = commands.request(body.command(), requester());
        KillSwitchView view = get(decided.id());
        return switch (decided.state().status()) {
            case REJECTED -> throw Problem.forbidden(view.policyRule(), view.rejectionReason());
            case ACTIVE -> Response.created(URI.create("/kill-switches/" + decided.id())).entity(view).build();
            default -> Response.accepted(view).location(URI.create("/kill-switches/" + decided.id())).build();
        };
    }

    @GET
    public List<KillSwitchView> list(@QueryParam("state") @DefaultValue("active") String state) {
        boolean activeOnly = switch (state) {
            case "active" -> true;
            case "all" -> false;
            default -> throw Problem.badRequest("state", "must be active or all");
        };
        return switches.list(activeOnly).stream().map(r -> KillSwitchView.of(r, List.of())).toList();
    }

    @GET
    @Path("/state")
    public State state(@QueryParam("scope") String scope) {
        if (scope == null || !scope.matches("global|workspace:[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw Problem.badRequest("scope", "must be global or workspace:<id>");
        }
        List<String> ids = switches.inForceOver(scope).stream().map(KillSwitchReadModel.SwitchRow::switchId).toList();
        return new State(scope, !ids.isEmpty(), ids);
    }

    @GET
    @Path("/{id}")
    public KillSwitchView get(@PathParam("id") String id) {
        return switches.get(id).map(r -> KillSwitchView.of(r, switches.timeline(id)))
                .orElseThrow(() -> Problem.notFound("kill switch", id));
    }

    @POST
    @Path("/{id}/approve")
    public KillSwitchView approve(@PathParam("id") String id, KillSwitchRequests.Approve body) {
        commands.approve(id, requester(), body == null ? null : body.comment());
        return get(id);
    }

    @POST
    @Path("/{id}/resume")
    public KillSwitchView resume(@PathParam("id") String id, @Valid @NotNull KillSwitchRequests.Resume body) {
        commands.resume(id, requester(), body.verification());
        return get(id);
    }

    private KillSwitchCommands.Requester requester() {
        return new KillSwitchCommands.Requester(identity.getPrincipal().getName(), identity.getRoles());
    }
}
