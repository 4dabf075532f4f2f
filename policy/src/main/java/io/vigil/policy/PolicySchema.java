package io.vigil.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** {@code policy/policy.schema.json} (JSON Schema 2020-12); problems come back as {@code <json pointer>: <message>}. */
final class PolicySchema {
    static final String RESOURCE = "/policy/policy.schema.json";

    private final JsonSchema schema;

    PolicySchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true)
                .errorMessageKeyword("message").locale(Locale.ENGLISH).build();
        try (InputStream in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no policy schema at " + RESOURCE);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    List<String> validate(JsonNode document) {
        return schema.validate(document).stream()
                .filter(message -> !insideAlternative(message))
                .map(PolicySchema::describe).sorted().distinct().toList();
    }

    /**
     * A failing oneOf reports its own message (worded in the schema) and each branch's; a branch's complaints
     * ("errorRatePpAboveBaseline is required") would mislead, so only the oneOf's message is kept.
     */
    private static boolean insideAlternative(ValidationMessage message) {
        return message.getEvaluationPath().toString().contains("/oneOf/");
    }

    /** A missing or unknown field is reported at the field's own pointer, not at the object that holds it. */
    private static String describe(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        return switch (message.getType()) {
            case "required" -> at + "/" + RuleIds.escape(message.getProperty()) + ": is required";
            case "additionalProperties" -> at + "/" + RuleIds.escape(message.getProperty())
                    + ": is not a field of the policy document here (a typo?)";
            default -> (at.isEmpty() ? "(document)" : at) + ": " + withoutLocation(message.getMessage(), at);
        };
    }

    /** The library's messages start with the instance location; the pointer is already in front. */
    private static String withoutLocation(String text, String at) {
        return text.startsWith(at + ": ") ? text.substring(at.length() + 2) : text;
    }
}
