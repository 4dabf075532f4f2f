package io.vigil.events;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
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
            assertThat(event.topic()).isEqualTo(type.topic());

            ProducerRecord<String, byte[]> record = codec.toRecord(event);
            assertThat(record.key()).isEqualTo(envelope.subject());
            VigilEvent<EventPayload> again = codec.typed(codec.decode(record.headers(), record.value()));
            assertThat(again).usingRecursiveComparison().isEqualTo(event);
        }));
    }

    @Test
    void schemaViolationIsAContractViolationNamingTheField() {
        Envelope envelope = codec.decode(fixture("invalid/vigil.deploy.started.v1.missing-owner.json"));
        assertThatThrownBy(() -> codec.typed(envelope))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("mergedBy");
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
