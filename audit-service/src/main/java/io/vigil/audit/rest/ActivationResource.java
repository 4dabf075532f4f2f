package io.vigil.audit.rest;

import io.vigil.audit.application.ActivationLog;
import io.vigil.audit.domain.ActivationLogEntry;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;


/** The kill-switch activation log (seed 001 §5.2), for auditors and admins. */
@Path("/audit/activations")
@RolesAllowed({"auditor", "admin"})
public class ActivationResource {
    private final ActivationLog log;

    public ActivationResource(ActivationLog log) {
        this.log = log;
    }

    /** Activations in log order; pass {@code next} as {@code after} for the following page. */
    @GET
    public ActivationLog.Page list(@QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw Problem.badRequest("limit", "must be between 1 and 1000");
        }
        return log.page(after == null ? 0 : after, size);
    }

    @GET
    @Path("/{switchId}")
    public ActivationLogEntry one(@PathParam("switchId") String switchId) {
        return log.of(switchId).orElseThrow(() -> Problem.notFound("kill-switch activation", switchId));
    }
}
