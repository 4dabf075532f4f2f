package io.vigil.platform.timer;

import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.Locale;

/** {@code GET /admin/timers?state=failed|pending|fired}: the timers of this service, for operators (role admin). */
@Path("/admin/timers")
@RolesAllowed("admin")
public class TimerAdminResource {
    static final int MAX_LIMIT = 1000;

    private final TimerListing listing;

    public TimerAdminResource(TimerListing listing) {
        this.listing = listing;
    }

    /** Pending in the order they will fire; failed and fired newest first. */
    @GET
    public List<TimerListing.TimerView> list(@QueryParam("state") String state, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("limit", "between 1 and " + MAX_LIMIT);
        }
        return listing.list(state(state), limit);
    }

    private static TimerListing.State state(String state) {
        try {
            return TimerListing.State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problem.badRequest("state", "one of pending, failed, fired");
        }
    }
}
