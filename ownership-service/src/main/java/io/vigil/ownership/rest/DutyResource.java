package io.vigil.ownership.rest;

import io.quarkus.security.Authenticated;
import io.vigil.ownership.persistence.DeployWindowRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/**
 * Seed 000 §3: while a person owns a deploy window (until it is signed off) they are on stabilization duty —
 * no feature work — so other systems can ask.
 */
@Path("/people/{username}/duty")
@Authenticated
public class DutyResource {
    public record Duty(String username, boolean onStabilizationDuty, List<DeployView> deploys) {
    }

    private final DeployWindowRepository windows;

    public DutyResource(DeployWindowRepository windows) {
        this.windows = windows;
    }

    @GET
    public Duty duty(@PathParam("username") String username) {
        List<DeployView> owned = windows.ownedBy(username).stream().map(DeployView::of).toList();
        return new Duty(username, !owned.isEmpty(), owned);
    }
}
