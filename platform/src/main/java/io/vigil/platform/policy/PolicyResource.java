package io.vigil.platform.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.vigil.policy.PolicyDocument;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /policy}: the rules this service decides by, read-only, for anyone signed in (and auditors' questions). */
@Path("/policy")
@Authenticated
public class PolicyResource {
    /**
     * @param version  the document's version, as decision events carry it in {@code policyVersion}
     * @param source   {@code classpath:policy/policy.yaml} or the path of {@code vigil.policy.file}
     * @param document the document as loaded
     */
    public record EffectivePolicy(String version, String source, JsonNode document) {
    }

    private final PolicyDocument document;

    public PolicyResource(PolicyDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public EffectivePolicy effective() {
        return new EffectivePolicy(document.version(), document.source(), document.tree());
    }
}
