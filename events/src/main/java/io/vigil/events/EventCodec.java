package io.vigil.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes Vigil events as CloudEvents 1.0 on Kafka: structured mode on the wire,
 * binary mode accepted. Thread-safe; one instance per application is enough.
 */
public final class EventCodec {
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
    public static final String DATA_CONTENT_TYPE = "application/json";

    private final ObjectMapper json;
    private final EventFormat format;
    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        this.json = objectMapper();
        this.format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        // 2020-12 treats "format" as an annotation by default; the contract's date-time, date, uri and email are rules
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true).pathType(PathType.LEGACY).build();
        for (EventType type : EventType.values()) {
            try (InputStream in = EventCodec.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema at " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in, config));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + type.schemaResource(), e);
            }
        }
    }

    /** The mapper used for event data: ISO-8601 times, unknown fields tolerated (additive changes keep the version). */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public ObjectMapper json() {
        return json;
    }

    /** The whole event in structured mode, as written to Kafka and to the outbox. */
    public byte[] encode(VigilEvent<?> event) {
        return format.serialize(toCloudEvent(event));
    }

    public ProducerRecord<String, byte[]> toRecord(VigilEvent<?> event) {
        return structuredRecord(event.topic(), event.subject(), encode(event));
    }

    public static ProducerRecord<String, byte[]> structuredRecord(String topic, String key, byte[] value) {
        Headers headers = new RecordHeaders();
        headers.add("content-type", STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    CloudEvent toCloudEvent(VigilEvent<?> event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(event.source())
                .withType(event.type().typeName())
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(DATA_CONTENT_TYPE, dataBytes(event.payload()));
        extension(builder, "actor", event.actor());
        extension(builder, "correlationid", event.correlationId());
        extension(builder, "causationid", event.causationId());
        extension(builder, "traceparent", event.traceparent());
        return builder.build();
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    private byte[] dataBytes(EventPayload payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + payload.getClass().getSimpleName(), e);
        }
    }

    /** Reads a Kafka record in structured or binary mode and checks the required attributes. */
    public Envelope decode(Headers headers, byte[] value) {
        if (value == null) {
            throw new ContractViolation("record has no value (tombstone)");
        }
        CloudEvent event;
        try {
            event = looksStructuredWithoutHeader(headers, value)
                    ? format.deserialize(value)
                    : KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (RuntimeException e) {
            throw new ContractViolation("not a CloudEvent: " + e.getMessage(), e);
        }
        return envelope(event);
    }

    /** Some producers write the JSON event without a content-type header; accept it as structured. */
    private static boolean looksStructuredWithoutHeader(Headers headers, byte[] value) {
        return headers.lastHeader("content-type") == null && headers.lastHeader("ce_specversion") == null
                && value.length > 0 && value[0] == '{';
    }

    public Envelope decode(byte[] structured) {
        try {
            return envelope(format.deserialize(structured));
        } catch (ContractViolation e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContractViolation("not a CloudEvent: " + e.getMessage(), e);
        }
    }

    private Envelope envelope(CloudEvent event) {
        require(event.getSubject(), "subject");
        require(event.getTime(), "time");
        require(event.getDataContentType(), "datacontenttype");
        if (!event.getDataContentType().startsWith(DATA_CONTENT_TYPE)) {
            throw new ContractViolation("datacontenttype must be application/json, was " + event.getDataContentType());
        }
        if (event.getData() == null) {
            throw new ContractViolation("event " + event.getId() + " has no data");
        }
        return new Envelope(event.getId(), event.getSource(), event.getType(), event.getSubject(),
                event.getTime().toInstant(), text(event, "actor"), text(event, "correlationid"),
                text(event, "causationid"), text(event, "traceparent"), compactJson(event.getData()));
    }

    /**
     * The data as compact JSON, whatever the wire mode: structured mode already holds a parsed tree;
     * binary mode's bytes are parsed once here, which also refuses data that is not JSON.
     */
    private byte[] compactJson(CloudEventData data) {
        if (data instanceof JsonCloudEventData tree) {
            return tree.toBytes();
        }
        try {
            return json.writeValueAsBytes(json.readTree(data.toBytes()));
        } catch (IOException e) {
            throw new ContractViolation("data is not JSON: " + e.getMessage(), e);
        }
    }

    private static void require(Object value, String attribute) {
        if (value == null) {
            throw new ContractViolation("required CloudEvents attribute '" + attribute + "' is missing");
        }
    }

    private static String text(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null ? null : value.toString();
    }

    /** The event with its data checked against the type's JSON Schema and mapped to its record. */
    public VigilEvent<EventPayload> typed(Envelope envelope) {
        EventType type = EventType.byName(envelope.type())
                .orElseThrow(() -> new ContractViolation("unknown event type '" + envelope.type() + "'"));
        EventPayload payload = payload(type, envelope.data());
        return new VigilEvent<>(envelope.id(), envelope.source(), envelope.subject(), envelope.time(),
                envelope.actor(), envelope.correlationId(), envelope.causationId(), envelope.traceparent(), payload);
    }

    /**
     * An event this service stored itself, mapped to its record without checking today's schema: what was
     * valid when it was written stays readable when a schema tightens later (an upcaster, applied before
     * this, handles a change of meaning).
     */
    public VigilEvent<EventPayload> stored(Envelope envelope) {
        EventType type = EventType.byName(envelope.type())
                .orElseThrow(() -> new ContractViolation("unknown event type '" + envelope.type() + "' in the event store"));
        EventPayload payload;
        try {
            payload = json.readValue(envelope.data(), type.payloadClass());
        } catch (IOException e) {
            throw new ContractViolation("stored " + type.typeName() + " " + envelope.id() + " does not map to its record: " + e.getMessage(), e);
        }
        return new VigilEvent<>(envelope.id(), envelope.source(), envelope.subject(), envelope.time(),
                envelope.actor(), envelope.correlationId(), envelope.causationId(), envelope.traceparent(), payload);
    }

    public EventPayload payload(EventType type, byte[] data) {
        JsonNode node;
        try {
            node = json.readTree(data);
        } catch (IOException e) {
            throw new ContractViolation("data of " + type.typeName() + " is not JSON: " + e.getMessage(), e);
        }
        Set<ValidationMessage> errors = schemas.get(type).validate(node);
        if (!errors.isEmpty()) {
            throw new ContractViolation("data of " + type.typeName() + " violates its schema: "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
        try {
            return json.treeToValue(node, type.payloadClass());
        } catch (IOException e) {
            throw new ContractViolation("data of " + type.typeName() + " does not map to its record: " + e.getMessage(), e);
        }
    }
}
