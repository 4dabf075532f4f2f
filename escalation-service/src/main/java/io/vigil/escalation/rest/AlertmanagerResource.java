package io.vigil.escalation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.escalation.application.AlertIntake;
import io.vigil.escalation.config.EscalationConfig;
import io.vigil.platform.deadletter.DeadLetters;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * {@code POST /integrations/alertmanager}: the Prometheus Alertmanager webhook (payload version 4). Authenticated by an
 * event-publisher bearer token, or by HTTP basic auth with the integration's secret ({@code vigil.escalation.alertmanager.*}),
 * which Alertmanager's {@code http_config.basic_auth} sends. A payload we cannot use is a 400 problem and is
 * dead-lettered, so that it is never silently lost.
 */
@Path("/integrations/alertmanager")
@PermitAll
public class AlertmanagerResource {
    static final String CONSUMER = "escalation.integrations.alertmanager";

    private final AlertIntake intake;
    private final SecurityIdentity identity;
    private final EscalationConfig.Alertmanager config;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;

    public AlertmanagerResource(AlertIntake intake, SecurityIdentity identity, EscalationConfig config, DeadLetters deadLetters,
                                ObjectMapper json) {
        this.intake = intake;
        this.identity = identity;
        this.config = config.alertmanager();
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notify(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        String actor = authenticate(authorization);
        try {
            JsonNode tree = parse(body);
            intake.report(AlertmanagerNotification.alerts(tree), actor);
            return Response.accepted(Map.of("alerts", tree.path("alerts").size())).build();
        } catch (Problem p) {
            if (p.status() == 400) {
                deadLetters.sendOwn("http:POST /integrations/alertmanager", "alertmanager", body, CONSUMER, p.getMessage());
            }
            throw p;
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw Problem.badRequest("body", "is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private String authenticate(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String expected = config.username() + ":" + config.secret().orElseThrow(() -> unauthenticated());
            byte[] given = decode(authorization.substring(6).trim());
            if (MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
                return config.username();
            }
            throw unauthenticated();
        }
        if (identity.isAnonymous()) {
            throw unauthenticated();
        }
        if (!identity.hasRole("event-publisher")) {
            throw Problem.forbidden("role-required", "only an event-publisher service account or the integration's secret may post alerts here");
        }
        return identity.getPrincipal().getName();
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static Problem unauthenticated() {
        return new Problem(401, "Unauthenticated", "an event-publisher bearer token or the integration's basic-auth secret is required", null, null);
    }
}
