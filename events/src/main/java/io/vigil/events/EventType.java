package io.vigil.events;

import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.OwnershipAssigned;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the contract: its CloudEvents {@code type}, the topic it travels on,
 * the record its data maps to, and the JSON Schema that data must satisfy.
 * Names follow {@code vigil.<family>.<past-tense-verb>.v<N>}.
 */
public enum EventType {
    DEPLOY_STARTED("vigil.deploy.started.v1", Topics.DEPLOYS, DeployStarted.class),
    OWNERSHIP_ASSIGNED("vigil.ownership.assigned.v1", Topics.OWNERSHIP, OwnershipAssigned.class);

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String typeName;
    private final String topic;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String typeName, String topic, Class<? extends EventPayload> payloadClass) {
        this.typeName = typeName;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    public String typeName() {
        return typeName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** Classpath location of the JSON Schema of this type's data. */
    public String schemaResource() {
        return "/schemas/" + typeName + ".json";
    }

    public static Optional<EventType> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
