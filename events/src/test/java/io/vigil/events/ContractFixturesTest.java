package io.vigil.events;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every event type has a schema and a valid fixture per version; fixtures pass their schema and survive a round trip. */
class ContractFixturesTest {
    private final EventCodec codec = new EventCodec();

    static byte[] fixture(String path) {
        try (InputStream in = ContractFixturesTest.class.getResourceAsStream("/fixtures/" + path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTypeHasAValidFixtureThatRoundTrips() {
        return Arrays.stream(EventType.values()).map(type -> DynamicTest.dynamicTest(type.typeName(), () -> {
            Envelope envelope = codec.decode(fixture("valid/" + type.typeName() + ".json"));
            assertThat(envelope.type()).isEqualTo(type.typeName());

            VigilEvent<EventPayload> event = codec.typed(envelope);
            assertThat(event.payload()).isInstanceOf(type.payloadClass());
            assertThat(event.type()).isEqualTo(type);
            assertThat(event.topic()).isEqualTo(type.topic());

            ProducerRecord<String, byte[]> record = codec.toRecord(event);
            assertThat(record.key()).isEqualTo(envelope.subject());
            VigilEvent<EventPayload> again = codec.typed(codec.decode(record.headers(), record.value()));
            assertThat(again).usingRecursiveComparison().isEqualTo(event);
        }));
    }

    static Stream<Arguments> invalidFixtures() {
        return Stream.of(
                Arguments.of("vigil.deploy.started.v1.missing-owner.json", List.of("required property 'mergedBy'")),
                Arguments.of("vigil.rollout.stage-reported.v1.percent-over-100.json", List.of("$.percent", "100")),
                Arguments.of("vigil.rollout.stage-reported.v1.error-rate-over-100.json", List.of("$.errorRatePct", "100")),
                Arguments.of("vigil.incident.opened.v1.bad-severity.json", List.of("$.severity", "enumeration")),
                Arguments.of("vigil.incident.opened.v1.missing-policy-rule.json", List.of("required property 'policyRule'")),
                Arguments.of("vigil.killswitch.activated.v1.missing-reason.json", List.of("required property 'reason'")),
                Arguments.of("vigil.killswitch.activated.v1.notify-without-deadline.json", List.of("$.notify[0]", "dueAt")),
                Arguments.of("vigil.killswitch.requested.v1.bad-scope.json", List.of("$.scope")),
                Arguments.of("vigil.alert.raised.v1.negative-error-rate.json", List.of("$.signals.errorRatePct")),
                Arguments.of("vigil.ownership.handed-off.v1.missing-to.json", List.of("required property 'to'")),
                Arguments.of("vigil.rollout.decided.v1.unknown-decision.json", List.of("$.decision", "enumeration")),
                Arguments.of("vigil.rotation.scheduled.v1.bad-week-start.json", List.of("$.weekStart", "date")),
                Arguments.of("vigil.notification.sent.v1.zero-attempts.json", List.of("$.attempts")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFixtures")
    void schemaViolationIsAContractViolationNamingTheProblem(String file, List<String> expected) {
        Envelope envelope = codec.decode(fixture("invalid/" + file));
        assertThat(file).startsWith(envelope.type() + ".");
        assertThatThrownBy(() -> codec.typed(envelope))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("violates its schema")
                .hasMessageContainingAll(expected.toArray(String[]::new));
    }

    @Test
    void everyInvalidFixtureHasATest() throws Exception {
        List<String> tested = invalidFixtures().map(arguments -> (String) arguments.get()[0]).toList();
        try (Stream<Path> files = Files.list(Path.of(ContractFixturesTest.class.getResource("/fixtures/invalid").toURI()))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrderElementsOf(tested);
        }
    }

    @Test
    void unknownFieldsAreTolerated() {
        // additive changes keep the version: a consumer on the older schema and record reads a newer event
        String json = new String(fixture("valid/vigil.deploy.completed.v1.json"))
                .replace("\"healthCheckPassed\": true,", "\"healthCheckPassed\": true, \"canaryRegion\": \"eu-west-1\",");
        assertThat(json).contains("canaryRegion");
        assertThat(codec.typed(codec.decode(json.getBytes())).payload())
                .isInstanceOf(io.vigil.events.deploys.DeployCompleted.class);
    }

    @Test
    void unknownTypeIsAContractViolation() {
        String json = new String(fixture("valid/vigil.deploy.started.v1.json")).replace("vigil.deploy.started.v1", "vigil.deploy.exploded.v1");
        Envelope envelope = codec.decode(json.getBytes());
        assertThatThrownBy(() -> codec.typed(envelope)).isInstanceOf(ContractViolation.class).hasMessageContaining("unknown event type");
    }

    @Test
    void garbageIsAContractViolation() {
        assertThatThrownBy(() -> codec.decode(new RecordHeaders(), "not json at all".getBytes()))
                .isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> codec.decode(new RecordHeaders(), null))
                .isInstanceOf(ContractViolation.class);
    }

    @Test
    void binaryModeIsAccepted() {
        Envelope structured = codec.decode(fixture("valid/vigil.deploy.started.v1.json"));
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes());
        headers.add("ce_id", structured.id().getBytes());
        headers.add("ce_source", structured.source().toString().getBytes());
        headers.add("ce_type", structured.type().getBytes());
        headers.add("ce_subject", structured.subject().getBytes());
        headers.add("ce_time", "2026-11-22T14:00:00Z".getBytes());
        headers.add("ce_actor", "ci-publisher".getBytes());
        headers.add("content-type", "application/json".getBytes());

        Envelope binary = codec.decode(headers, structured.data());

        assertThat(codec.typed(binary)).usingRecursiveComparison().isEqualTo(codec.typed(structured));
    }

    @Test
    void missingSubjectIsAContractViolation() {
        String json = new String(fixture("valid/vigil.deploy.started.v1.json")).replace("\"subject\": \"dep-2026-11-22-checkout-142\",", "");
        assertThatThrownBy(() -> codec.decode(json.getBytes())).isInstanceOf(ContractViolation.class).hasMessageContaining("subject");
    }
}
