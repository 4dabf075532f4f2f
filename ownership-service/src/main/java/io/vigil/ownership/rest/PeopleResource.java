package io.vigil.ownership.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.events.roster.RealmRole;
import io.vigil.ownership.application.PeopleRegister;
import io.vigil.ownership.domain.PersonDetails;
import io.vigil.ownership.domain.RoleNames;
import io.vigil.ownership.persistence.PersonRepository;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The people register: who may be an owner, a handoff target or on call, and how to reach them. */
@Path("/people")
@Authenticated
public class PeopleResource {
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final PeopleRegister register;
    private final PersonRepository people;
    private final SecurityIdentity identity;

    public PeopleResource(PeopleRegister register, PersonRepository people, SecurityIdentity identity) {
        this.register = register;
        this.people = people;
        this.identity = identity;
    }

    @PUT
    @Path("/{username}")
    @RolesAllowed("admin")
    public Response put(@PathParam("username") String username, @Valid @NotNull PersonRequest request) {
        if (!USERNAME.matcher(username).matches()) {
            throw Problem.badRequest("username", "must be 1-100 letters, digits or . _ @ -");
        }
        PersonDetails details = new PersonDetails(request.name(), request.email(), request.slack(), request.webhookUrl(),
                zone(request.timeZone()));
        boolean created = register.describe(username, details, roles(request.roles()), identity.getPrincipal().getName());
        PersonView view = people.findByIdOptional(username).map(PersonView::of).orElseThrow();
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    /** The whole register, with everyone's addresses: for whoever administers it (DESIGN §8). */
    @GET
    @RolesAllowed("admin")
    public List<PersonView> list() {
        return people.all().stream().map(PersonView::of).toList();
    }

    @GET
    @Path("/{username}")
    public PersonView get(@PathParam("username") String username) {
        return people.findByIdOptional(username).map(PersonView::of).orElseThrow(() -> Problem.notFound("person", username));
    }

    private static String zone(String timeZone) {
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException e) {
            throw Problem.badRequest("timeZone", "'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    private static Set<RealmRole> roles(List<String> names) {
        Set<RealmRole> roles = EnumSet.noneOf(RealmRole.class);
        for (String name : names) {
            roles.add(RoleNames.parse(name).orElseThrow(() -> Problem.badRequest("roles", "'" + name + "' is not a role; one of "
                    + Arrays.stream(RealmRole.values()).map(RoleNames::of).collect(Collectors.joining(", ")))));
        }
        return roles;
    }
}
