package io.vigil.platform.projection;

import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/** Lists the service's projections and rebuilds one from the event store. */
@Path("/admin/projections")
@RolesAllowed("admin")
public class ProjectionResource {
    private final Projections projections;

    public ProjectionResource(Projections projections) {
        this.projections = projections;
    }

    @GET
    public List<String> list() {
        return projections.names();
    }

    @POST
    @Path("/{name}/rebuild")
    public Projections.Rebuilt rebuild(@PathParam("name") String name) {
        return projections.rebuild(name).orElseThrow(() -> Problem.notFound("projection", name));
    }
}
