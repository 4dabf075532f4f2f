package io.vigil.audit.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.events.ContractViolation;
import io.vigil.events.EventCodec;
import io.vigil.events.Envelope;
import io.vigil.events.Topics;
import io.vigil.platform.deadletter.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Turns any record of a Vigil topic into what the log keeps. Nothing is refused: an event is logged as
 * it came, a dead letter with its reason, and a record that is no event at all as an unreadable record.
 */
@ApplicationScoped
public class AuditIntake {
    public static final String DEAD_LETTER_TYPE = "vigil.dead-letter";
    public static final String UNREADABLE_TYPE = "vigil.unreadable-record";

    private final StructuredEvents events;
    private final ObjectMapper json;

    public AuditIntake(EventCodec codec) {
        this.events = new StructuredEvents(codec);
        this.json = codec.json();
    }

    public AuditRecord toRecord(ConsumerRecord<String, byte[]> record, Instant recordedAt) {
        if (Topics.DEAD_LETTER.equals(record.topic())) {
            return deadLetter(record, recordedAt);
        }
        try {
            Envelope e = events.decode(record.headers(), record.value());
            return new AuditRecord(e.id(), record.topic(), record.partition(), record.offset(), e.type(),
                    e.source().toString(), e.subject(), e.actor(), e.time(), recordedAt, asStored(e.data()));
        } catch (ContractViolation violation) {
            return unreadable(record, recordedAt, violation.getMessage());
        }
    }

    private AuditRecord deadLetter(ConsumerRecord<String, byte[]> record, Instant recordedAt) {
        ObjectNode payload = json.createObjectNode();
        payload.put("reason", header(record, DeadLetters.REASON));
        payload.put("consumer", header(record, DeadLetters.CONSUMER));
        payload.put("originalTopic", header(record, DeadLetters.TOPIC));
        payload.put("originalPartition", header(record, DeadLetters.PARTITION));
        payload.put("originalOffset", header(record, DeadLetters.OFFSET));
        value(payload, record.value());
        String consumer = header(record, DeadLetters.CONSUMER);
        return new AuditRecord(position("dead-letter", record), record.topic(), record.partition(), record.offset(),
                DEAD_LETTER_TYPE, consumer == null ? null : "urn:vigil:consumer:" + consumer, record.key(), null,
                Instant.ofEpochMilli(record.timestamp()), recordedAt, payload.toString());
    }

    private AuditRecord unreadable(ConsumerRecord<String, byte[]> record, Instant recordedAt, String reason) {
        ObjectNode payload = json.createObjectNode();
        payload.put("reason", reason);
        value(payload, record.value());
        return new AuditRecord(position("record", record), record.topic(), record.partition(), record.offset(),
                UNREADABLE_TYPE, null, record.key(), null, Instant.ofEpochMilli(record.timestamp()), recordedAt, payload.toString());
    }

    /**
     * The data's bytes as the log stores and hashes them: its JSON text in UTF-8. Plain ASCII, nearly every event, is
     * kept as it is; anything else goes through a string once, so that the stored bytes are exactly those of the text.
     */
    static byte[] asStored(byte[] data) {
        for (byte b : data) {
            if (b < 0) {
                return new String(data, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            }
        }
        return data;
    }

    /** An id for a record that has none of its own: its place on the broker. */
    private static String position(String kind, ConsumerRecord<?, ?> r) {
        return kind + ":" + r.topic() + "/" + r.partition() + "/" + r.offset();
    }


    private static void value(ObjectNode payload, byte[] value) {
        if (value == null) {
            payload.putNull("value");
            return;
        }
        try {
            payload.put("value", StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString());
            payload.put("valueEncoding", "utf-8");
        } catch (CharacterCodingException e) {
            payload.put("value", Base64.getEncoder().encodeToString(value));
            payload.put("valueEncoding", "base64");
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
