package io.vigil.events;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.events.alerts.AlertEvent;
import io.vigil.events.deploys.DeployEvent;
import io.vigil.events.incidents.IncidentEvent;
import io.vigil.events.killswitch.KillSwitchEvent;
import io.vigil.events.notifications.NotificationEvent;
import io.vigil.events.ownership.OwnershipEvent;
import io.vigil.events.roster.RosterEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of the contract agree with each other: each type's record, schema, fixture, topic and family
 * interface, so that a field cannot be added to a record without its schema (or the other way round).
 */
class ContractConsistencyTest {
    private static final Map<String, Class<?>> FAMILY_BY_TOPIC = Map.of(
            Topics.DEPLOYS, DeployEvent.class,
            Topics.ROSTER, RosterEvent.class,
            Topics.OWNERSHIP, OwnershipEvent.class,
            Topics.ALERTS, AlertEvent.class,
            Topics.INCIDENTS, IncidentEvent.class,
            Topics.KILLSWITCH, KillSwitchEvent.class,
            Topics.NOTIFICATIONS, NotificationEvent.class);

    private final ObjectMapper json = EventCodec.objectMapper();
    private final EventCodec codec = new EventCodec();

    private JsonNode schema(EventType type) {
        try (InputStream in = getClass().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(Iterator<String> names) {
        Set<String> set = new HashSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    @Test
    void typeNamesFollowTheNamingRule() {
        for (EventType type : EventType.values()) {
            assertThat(type.typeName()).matches("vigil\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");
            String verbPart = type.typeName().replaceFirst("^vigil\\.", "").replaceFirst("\\.v[0-9]+$", "");
            String expectedConstant = verbPart.replace('.', '_').replace('-', '_').toUpperCase();
            String version = type.typeName().replaceFirst("^.*\\.v", "");
            assertThat(type.name()).isIn(expectedConstant, expectedConstant + "_V" + version);
            assertThat(Topics.ALL).contains(type.topic());
        }
    }

    @TestFactory
    Stream<DynamicTest> recordAndSchemaAgree() {
        return Arrays.stream(EventType.values()).map(type -> DynamicTest.dynamicTest(type.typeName(), () -> {
            JsonNode schema = schema(type);
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).isEqualTo("https://vigil.io/schemas/" + type.typeName() + ".json");
            assertThat(schema.path("title").asText()).isEqualTo(type.typeName());
            assertThat(schema.path("description").asText()).contains("Subject:");
            assertThat(schema.path("type").asText()).isEqualTo("object");
            assertThat(schema.has("additionalProperties")).as("additive changes must stay readable").isFalse();

            Class<?> payload = type.payloadClass();
            assertThat(payload.isRecord()).as("%s is a record", payload).isTrue();
            JavaType javaType = json.constructType(payload);
            List<BeanPropertyDefinition> properties = json.getDeserializationConfig().introspect(javaType).findProperties();
            Set<String> recordProperties = properties.stream().map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
            Set<String> schemaProperties = names(schema.path("properties").fieldNames());
            assertThat(schemaProperties).as("schema properties of %s", type.typeName())
                    .containsExactlyInAnyOrderElementsOf(recordProperties);

            Set<String> required = new HashSet<>();
            schema.path("required").forEach(node -> required.add(node.asText()));
            assertThat(schemaProperties).containsAll(required);

            for (BeanPropertyDefinition property : properties) {
                if (property.getRawPrimaryType().isPrimitive()) {
                    assertThat(required).as("primitive %s of %s must be required", property.getName(), type.typeName())
                            .contains(property.getName());
                }
                if (!required.contains(property.getName())) {
                    assertThat(allowsNull(schema.path("properties").path(property.getName())))
                            .as("optional %s of %s accepts null", property.getName(), type.typeName()).isTrue();
                }
            }
        }));
    }

    private static boolean allowsNull(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
        }
        for (JsonNode alternative : property.path("anyOf")) {
            if (alternative.path("type").asText().equals("null")) {
                return true;
            }
        }
        return false;
    }

    @TestFactory
    Stream<DynamicTest> optionalFieldsMayBeLeftOut() {
        return Arrays.stream(EventType.values()).map(type -> DynamicTest.dynamicTest(type.typeName(), () -> {
            JsonNode schema = schema(type);
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(node -> required.add(node.asText()));
            ObjectNode data = (ObjectNode) json.readTree(ContractFixturesTest.fixture("valid/" + type.typeName() + ".json")).path("data");
            List<String> optional = new ArrayList<>();
            data.fieldNames().forEachRemaining(name -> {
                if (!required.contains(name)) {
                    optional.add(name);
                }
            });
            data.remove(optional);

            EventPayload minimal = codec.payload(type, json.writeValueAsBytes(data));

            assertThat(minimal).isInstanceOf(type.payloadClass());
            assertThat(minimal.eventType()).isEqualTo(type);
        }));
    }

    @Test
    void everyRecordBelongsToTheFamilyOfItsTopic() {
        for (EventType type : EventType.values()) {
            Class<?> family = FAMILY_BY_TOPIC.get(type.topic());
            assertThat(family).as("family of %s", type.topic()).isNotNull();
            assertThat(family).isAssignableFrom(type.payloadClass());
        }
        Set<Class<?>> payloadClasses = Arrays.stream(EventType.values()).map(EventType::payloadClass).collect(Collectors.toSet());
        for (Class<?> family : FAMILY_BY_TOPIC.values()) {
            assertThat(family.isSealed()).as("%s is sealed", family).isTrue();
            assertThat(payloadClasses).as("every permitted subclass of %s has an EventType", family.getSimpleName())
                    .contains(family.getPermittedSubclasses());
        }
    }

    @Test
    void noSchemaOrFixtureWithoutAType() throws IOException, URISyntaxException {
        Set<String> typeNames = Arrays.stream(EventType.values()).map(EventType::typeName).collect(Collectors.toSet());
        assertThat(fileNames("/schemas")).containsExactlyInAnyOrderElementsOf(
                typeNames.stream().map(name -> name + ".json").toList());
        assertThat(fileNames("/fixtures/valid")).containsExactlyInAnyOrderElementsOf(
                typeNames.stream().map(name -> name + ".json").toList());
    }

    private static List<String> fileNames(String resourceDirectory) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(ContractConsistencyTest.class.getResource(resourceDirectory).toURI()))) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
