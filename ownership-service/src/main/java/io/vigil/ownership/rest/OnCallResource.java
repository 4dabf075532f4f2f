package io.vigil.ownership.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.events.roster.OnCallSlot;
import io.vigil.ownership.application.OnCallRulesInForce;
import io.vigil.ownership.application.OnCallScheduling;
import io.vigil.ownership.domain.OnCallSchedule;
import io.vigil.ownership.domain.RotationCalendar;
import io.vigil.ownership.domain.ScheduleRotation;
import io.vigil.ownership.domain.SetOverride;
import io.vigil.ownership.persistence.OnCallReadModel;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The on-call schedule: who is on call now and when, and the changes to it (seed 001 §3). */
@Path("/oncall")
@Authenticated
public class OnCallResource {
    /** How far {@code GET /oncall/schedule} looks without a {@code to}, and at most. */
    static final Duration DEFAULT_RANGE = Duration.ofDays(28);
    static final Duration LONGEST_RANGE = Duration.ofDays(366);

    private final OnCallScheduling scheduling;
    private final OnCallReadModel schedule;
    private final RotationCalendar calendar;
    private final SecurityIdentity identity;
    private final Clock clock;

    public OnCallResource(OnCallScheduling scheduling, OnCallReadModel schedule, OnCallRulesInForce rules,
                          SecurityIdentity identity, Clock clock) {
        this.scheduling = scheduling;
        this.schedule = schedule;
        this.calendar = rules.rules().calendar();
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/now")
    public OnCallViews.Now now() {
        return schedule.timeline().coverAt(clock.instant())
                .map(c -> new OnCallViews.Now(c.primary(), c.secondary(), c.from(), c.until()))
                .orElseThrow(() -> new Problem(404, "Not found", "no rotation covers " + clock.instant()
                        + "; schedule one with PUT /oncall/rotations/{weekStart}", null, null));
    }

    @GET
    @Path("/schedule")
    public List<OnCallViews.Stretch> schedule(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = from == null ? clock.instant() : instant("from", from);
        Instant end = to == null ? start.plus(DEFAULT_RANGE) : instant("to", to);
        if (!end.isAfter(start)) {
            throw Problem.badRequest("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw Problem.badRequest("to", "the range may be at most " + LONGEST_RANGE.toDays() + " days");
        }
        return schedule.timeline().covers(start, end).stream().map(OnCallViews.Stretch::of).toList();
    }

    @PUT
    @Path("/rotations/{weekStart}")
    @RolesAllowed({"admin", "ingestion-owner"})
    public OnCallViews.Week scheduleWeek(@PathParam("weekStart") String weekStart, @Valid @NotNull RotationRequest request) {
        LocalDate week = date(weekStart);
        OnCallSchedule after = scheduling.schedule(new ScheduleRotation(week, request.primary(), request.secondary()), actor());
        return OnCallViews.Week.of(after.rotations().get(week));
    }

    @POST
    @Path("/overrides")
    @RolesAllowed({"admin", "ingestion-owner"})
    public Response override(@Valid @NotNull OverrideRequest request, UriInfo uri) {
        if (!request.to().isAfter(request.from())) {
            throw Problem.badRequest("to", "must be after from");
        }
        String id = "ovr-" + UUID.randomUUID();
        OnCallSchedule after = scheduling.override(new SetOverride(id, OnCallSlot.valueOf(request.slot().toUpperCase()),
                request.person(), request.from(), request.to(), request.reason()), actor());
        return Response.status(Response.Status.CREATED)
                .entity(after.overrides().stream().filter(o -> o.overrideId().equals(id)).findFirst()
                        .map(OnCallViews.OverrideView::of).orElseThrow())
                .build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private LocalDate date(String weekStart) {
        LocalDate date;
        try {
            date = LocalDate.parse(weekStart);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("weekStart", "'" + weekStart + "' is not a date (YYYY-MM-DD)");
        }
        if (!calendar.isWeekStart(date)) {
            throw Problem.badRequest("weekStart", "weeks start on " + calendar.handoverDay() + "; " + date + " is a " + date.getDayOfWeek());
        }
        return date;
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(field, "'" + value + "' is not an ISO-8601 UTC instant such as 2026-11-23T08:00:00Z");
        }
    }
}
