package io.vigil.events;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document lists every topic and every event type, and all its references resolve. */
class AsyncApiTest {
    private static final String LOCATION = "/asyncapi.yaml";
    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiTest.class.getResourceAsStream(LOCATION)) {
            assertThat(in).as(LOCATION).isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
    }

    /** Follows a local {@code $ref} ("#/…") if the node is one. */
    private static JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && current.path("$ref").asText().startsWith("#"); hops++) {
            assertThat(hops).as("$ref chain too long").isLessThan(10);
            String ref = current.path("$ref").asText();
            current = doc.at(JsonPointer.compile(ref.substring(1)));
            assertThat(current.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return current;
    }

    private static List<String> refs(JsonNode node) {
        List<String> found = new ArrayList<>();
        collectRefs(node, found);
        return found;
    }

    private static void collectRefs(JsonNode node, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref")) {
                    found.add(entry.getValue().asText());
                } else {
                    collectRefs(entry.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, found));
        }
    }

    @Test
    void documentHeader() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("Vigil events");
        assertThat(doc.path("info").path("version").asText()).isEqualTo("1.0.0");
        assertThat(doc.path("info").path("description").asText())
                .contains("CloudEvents 1.0", "structured mode", "binary mode", "subject", "actor", "correlationid",
                        "causationid", "traceparent", "v<N+1>");
        JsonNode local = doc.path("servers").path("local");
        assertThat(local.path("host").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(local.path("protocol").asText()).isEqualTo("kafka");
    }

    @Test
    void everyTopicIsAChannel() {
        Set<String> addresses = new HashSet<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeIsAMessageOnItsTopic() {
        return Arrays.stream(EventType.values()).map(type -> DynamicTest.dynamicTest(type.typeName(), () -> {
            List<String> topics = new ArrayList<>();
            JsonNode found = null;
            for (Map.Entry<String, JsonNode> channel : doc.path("channels").properties()) {
                for (JsonNode ref : channel.getValue().path("messages")) {
                    JsonNode message = deref(ref);
                    if (message.path("name").asText().equals(type.typeName())) {
                        topics.add(channel.getValue().path("address").asText());
                        found = message;
                    }
                }
            }
            assertThat(topics).as("channels carrying %s", type.typeName()).containsExactly(type.topic());
            assertThat(found.path("contentType").asText()).isEqualTo(EventCodec.STRUCTURED_CONTENT_TYPE);
            assertThat(refs(found.path("payload"))).contains("schemas/" + type.typeName() + ".json");
            assertThat(found.path("payload").toString()).contains("\"const\":\"" + type.typeName() + "\"");
        }));
    }

    @Test
    void everyReferenceResolves() {
        URI base = URI.create("file:" + LOCATION);
        List<String> all = refs(doc);
        assertThat(all).isNotEmpty();
        for (String ref : all) {
            if (ref.startsWith("#")) {
                assertThat(doc.at(JsonPointer.compile(ref.substring(1))).isMissingNode()).as("%s resolves", ref).isFalse();
            } else {
                String path = base.resolve(ref).getPath();
                assertThat(AsyncApiTest.class.getResource(path)).as("file %s referenced by the AsyncAPI document", ref).isNotNull();
            }
        }
    }

    @Test
    void operationsSendAndReceiveMessagesOfTheirChannel() {
        Set<String> sent = new HashSet<>();
        Set<String> received = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : doc.path("operations").properties()) {
            JsonNode operation = entry.getValue();
            String action = operation.path("action").asText();
            assertThat(action).as(entry.getKey()).isIn("send", "receive");
            String channelRef = operation.path("channel").path("$ref").asText();
            assertThat(channelRef).startsWith("#/channels/");
            deref(operation.path("channel"));
            assertThat(operation.path("messages").isEmpty()).as("%s names its messages", entry.getKey()).isFalse();
            for (JsonNode message : operation.path("messages")) {
                assertThat(message.path("$ref").asText()).as(entry.getKey()).startsWith(channelRef + "/messages/");
                String name = deref(message).path("name").asText();
                (action.equals("send") ? sent : received).add(name);
            }
        }
        for (EventType type : EventType.values()) {
            assertThat(sent).as("someone sends").contains(type.typeName());
            assertThat(received).as("someone receives").contains(type.typeName());
        }
        assertThat(sent).contains(Topics.DEAD_LETTER);
    }

    @Test
    void deadLetterCarriesItsHeaders() {
        JsonNode deadLetter = null;
        for (JsonNode channel : doc.path("channels")) {
            if (channel.path("address").asText().equals(Topics.DEAD_LETTER)) {
                deadLetter = deref(channel.path("messages").elements().next());
            }
        }
        assertThat(deadLetter).isNotNull();
        JsonNode headers = deadLetter.path("headers");
        List<String> names = List.of("dead-letter-reason", "dead-letter-consumer", "dead-letter-topic",
                "dead-letter-partition", "dead-letter-offset");
        for (String header : names) {
            assertThat(headers.path("properties").has(header)).as(header).isTrue();
        }
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(node -> required.add(node.asText()));
        assertThat(required).containsExactlyInAnyOrderElementsOf(names);
    }
}
