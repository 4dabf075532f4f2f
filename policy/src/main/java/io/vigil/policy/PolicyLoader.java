package io.vigil.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a policy document (YAML, or JSON for a {@code .json} file), validates it against
 * {@code policy/policy.schema.json}, maps it to {@link Policy} and checks what the schema cannot express. Anything
 * wrong is an {@link InvalidPolicy} naming the source and the field. Thread-safe.
 */
public final class PolicyLoader {
    public static final String DEFAULT_SOURCE = "classpath:policy/policy.yaml";
    private static final String DEFAULT_RESOURCE = "/policy/policy.yaml";

    private final ObjectMapper yaml = new YAMLMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final ObjectMapper records = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final PolicySchema schema = new PolicySchema();

    /** The file if one is given, else the built-in default. */
    public PolicyDocument load(Optional<Path> file) {
        return file.map(this::load).orElseGet(this::loadDefault);
    }

    /** The document shipped in this jar. */
    public PolicyDocument loadDefault() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidPolicy(DEFAULT_SOURCE, List.of("the resource is missing from the class path"));
            }
            return read(DEFAULT_SOURCE, in.readAllBytes(), yaml);
        } catch (IOException e) {
            throw new InvalidPolicy(DEFAULT_SOURCE, "cannot read the resource: " + e, e);
        }
    }

    /** A document that replaces the built-in one as a whole (config key {@code vigil.policy.file}). */
    public PolicyDocument load(Path file) {
        String source = file.toAbsolutePath().normalize().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidPolicy(source, "cannot read the file: " + e, e);
        }
        return read(source, bytes, source.endsWith(".json") ? json : yaml);
    }

    private PolicyDocument read(String source, byte[] bytes, ObjectMapper parser) {
        JsonNode tree = parse(source, bytes, parser);
        List<String> problems = schema.validate(tree);
        if (!problems.isEmpty()) {
            throw new InvalidPolicy(source, problems);
        }
        Policy policy = map(source, tree);
        problems = PolicyChecks.check(policy, tree);
        if (!problems.isEmpty()) {
            throw new InvalidPolicy(source, problems);
        }
        return new PolicyDocument(source, tree, policy);
    }

    private static JsonNode parse(String source, byte[] bytes, ObjectMapper parser) {
        try {
            JsonNode tree = parser.readTree(bytes);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new InvalidPolicy(source, List.of("(document): is empty"));
            }
            return tree;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "(document)" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidPolicy(source, where + ": cannot be parsed: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidPolicy(source, "(document): cannot be parsed: " + e, e);
        }
    }

    /** Values the schema lets through but Java cannot take (an unknown time zone, say) fail here, with their path. */
    private Policy map(String source, JsonNode tree) {
        try {
            return records.treeToValue(tree, Policy.class);
        } catch (JsonMappingException e) {
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference reference : e.getPath()) {
                pointer.append('/').append(reference.getFieldName() != null
                        ? RuleIds.escape(reference.getFieldName()) : String.valueOf(reference.getIndex()));
            }
            throw new InvalidPolicy(source, pointer + ": " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidPolicy(source, "(document): " + e.getOriginalMessage(), e);
        }
    }
}
