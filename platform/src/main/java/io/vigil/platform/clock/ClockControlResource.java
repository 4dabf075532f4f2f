package io.vigil.platform.clock;

import io.vigil.platform.problem.Problem;
import io.vigil.platform.timer.TimerPoller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Demo and end-to-end clock control (DESIGN §1); answers 404 unless vigil.clock.control-enabled=true. */
@Path("/admin/clock")
@RolesAllowed("admin")
public class ClockControlResource {
    /** {@code offset} is an ISO-8601 duration, e.g. PT15M. */
    public record ClockState(Instant now, String offset) {
    }

    public record Advance(@NotBlank String by) {
    }

    private final ControllableClock clock;
    private final TimerPoller timers;
    private final boolean enabled;

    public ClockControlResource(ControllableClock clock, TimerPoller timers,
                                @ConfigProperty(name = "vigil.clock.control-enabled", defaultValue = "false") boolean enabled) {
        this.clock = clock;
        this.timers = timers;
        this.enabled = enabled;
    }

    @GET
    public ClockState now() {
        requireEnabled();
        return new ClockState(clock.instant(), clock.offset().toString());
    }

    @POST
    @Path("/advance")
    public ClockState advance(Advance request) {
        requireEnabled();
        Duration by;
        try {
            by = Duration.parse(request.by());
        } catch (DateTimeParseException | NullPointerException e) {
            throw Problem.badRequest("by", "not an ISO-8601 duration such as PT15M");
        }
        clock.advance(by);
        timers.fireDue();
        return now();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }
}
