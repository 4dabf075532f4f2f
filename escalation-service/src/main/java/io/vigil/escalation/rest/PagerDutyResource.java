package io.vigil.escalation.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.escalation.application.AlertIntake;
import io.vigil.escalation.config.EscalationConfig;
import io.vigil.platform.deadletter.DeadLetters;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code POST /v2/enqueue}: the PagerDuty Events API v2, so that a tool that pages PagerDuty can page us by changing
 * its URL. Answered as PagerDuty answers: 202 {@code {status: success, message: Event processed, dedup_key}}, or
 * 400 {@code {status: invalid event, message: Event object is invalid, errors[]}}; an invalid event is also
 * dead-lettered (its routing key blanked), since the sender does not retry a 400. Authenticated by an
 * event-publisher bearer token, or by a {@code routing_key} equal to {@code vigil.escalation.pagerduty.routing-key};
 * otherwise 401 (403 for other tokens) as problem+json, and nothing is dead-lettered for an unauthenticated sender.
 */
@Path("/v2/enqueue")
@PermitAll
public class PagerDutyResource {
    static final String CONSUMER = "escalation.integrations.pagerduty";
    static final String ORIGIN = "http:POST /v2/enqueue";
    static final String ACTOR = "pagerduty-integration";

    /** PagerDuty's answers, in its field order. */
    record Processed(String status, String message, String dedup_key) {
    }

    record InvalidEvent(String status, String message, List<String> errors) {
    }

    private final AlertIntake intake;
    private final SecurityIdentity identity;
    private final EscalationConfig.PagerDuty config;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final Clock clock;

    public PagerDutyResource(AlertIntake intake, SecurityIdentity identity, EscalationConfig config, DeadLetters deadLetters,
                             ObjectMapper json, Clock clock) {
        this.intake = intake;
        this.identity = identity;
        this.config = config.pagerduty();
        this.deadLetters = deadLetters;
        this.json = json;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enqueue(byte[] body) {
        JsonNode tree = parse(body);
        String actor = authenticate(tree);
        PagerDutyEvent event;
        try {
            if (tree == null) {
                throw new PagerDutyEvent.Invalid(List.of("Event object is not valid JSON"));
            }
            event = PagerDutyEvent.of(tree, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (PagerDutyEvent.Invalid invalid) {
            deadLetters.sendOwn(ORIGIN, deadLetterKey(tree), withoutRoutingKey(tree, body), CONSUMER, invalid.getMessage());
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(new InvalidEvent("invalid event",
                    "Event object is invalid", invalid.errors())).build();
        }
        switch (event.action()) {
            case TRIGGER, RESOLVE -> intake.report(List.of(event.alert()), actor);
            case ACKNOWLEDGE -> intake.acknowledgedAtSource(event.dedupKey(), actor);
        }
        return Response.accepted(new Processed("success", "Event processed", event.dedupKey()))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private String authenticate(JsonNode tree) {
        if (!identity.isAnonymous()) {
            if (!identity.hasRole("event-publisher")) {
                throw Problem.forbidden("role-required", "only an event-publisher service account or the integration's routing key may send events here");
            }
            return identity.getPrincipal().getName();
        }
        String given = tree == null ? null : tree.path("routing_key").asText(null);
        String expected = config.routingKey().orElse(null);
        if (given == null || expected == null
                || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(401, "Unauthenticated",
                    "an event-publisher bearer token or the integration's routing key (routing_key) is required", null, null);
        }
        return ACTOR;
    }

    private static String deadLetterKey(JsonNode tree) {
        String key = tree == null ? null : tree.path("dedup_key").asText(null);
        return key == null || key.isBlank() ? "pagerduty" : key;
    }

    /** The routing key is a secret: the dead-lettered copy does not carry it. */
    private byte[] withoutRoutingKey(JsonNode tree, byte[] body) {
        if (tree instanceof ObjectNode object && object.has("routing_key")) {
            ObjectNode copy = object.deepCopy();
            copy.put("routing_key", "(removed)");
            try {
                return json.writeValueAsBytes(copy);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return body;
    }
}
