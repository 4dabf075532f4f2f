package io.vigil.notification.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.notification.application.TestNotifications;
import io.vigil.notification.persistence.Deadlines;
import io.vigil.notification.persistence.Deliveries;
import io.vigil.platform.problem.Problem;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;

/**
 * The notifications this service made, with their attempts. Admins and auditors see all; anyone else sees the
 * notifications addressed to them ({@code notification.own-only}).
 */
@Path("/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    static final String OWN_ONLY = "notification.own-only";
    private static final Set<String> STATUSES = Set.of("pending", "sent", "failed");
    private static final Set<String> DEADLINE_STATES = Set.of("pending", "met", "missed");
    private static final int LIMIT = 500;

    private final Deliveries deliveries;
    private final Deadlines deadlines;
    private final TestNotifications tests;
    private final SecurityIdentity identity;

    public NotificationResource(Deliveries deliveries, Deadlines deadlines, TestNotifications tests, SecurityIdentity identity) {
        this.deliveries = deliveries;
        this.deadlines = deadlines;
        this.tests = tests;
        this.identity = identity;
    }

    @GET
    @Transactional
    public List<NotificationView> list(@QueryParam("recipient") String recipient, @QueryParam("causationId") String causationId,
                                       @QueryParam("status") String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw Problem.badRequest("status", "must be one of pending, sent, failed");
        }
        String who = seesAll() ? recipient : own(recipient);
        return deliveries.search(who, causationId, status, LIMIT).stream().map(d -> NotificationView.of(d, null)).toList();
    }

    /** Notification deadlines (who had to be told of what by when, and whether they were); same visibility as notifications. */
    @GET
    @Path("/deadlines")
    @Transactional
    public List<DeadlineView> deadlines(@QueryParam("recipient") String recipient, @QueryParam("causationId") String causationId,
                                        @QueryParam("state") String state) {
        if (state != null && !DEADLINE_STATES.contains(state)) {
            throw Problem.badRequest("state", "must be one of pending, met, missed");
        }
        String who = seesAll() ? recipient : own(recipient);
        return deadlines.search(who, causationId, state, LIMIT).stream().map(DeadlineView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public NotificationView get(@PathParam("id") String id) {
        var d = deliveries.find(id).orElseThrow(() -> Problem.notFound("notification", id));
        if (!seesAll()) {
            own(d.recipient());
        }
        return NotificationView.of(d, deliveries.attempts(id));
    }

    @POST
    @Path("/test")
    public Response test() {
        TestNotifications.Requested requested = tests.send(me());
        return Response.accepted(requested).build();
    }

    private boolean seesAll() {
        return identity.hasRole("admin") || identity.hasRole("auditor");
    }

    private String own(String recipient) {
        if (recipient != null && !recipient.equals(me())) {
            throw Problem.forbidden(OWN_ONLY, "only admins and auditors see other people's notifications");
        }
        return me();
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
