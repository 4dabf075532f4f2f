package io.vigil.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Another system on the bus, as a CI/CD pipeline is: it writes structured-mode CloudEvents (JSON, content type
 * application/cloudevents+json) to Vigil's topics with a Kafka client of its own, not with Vigil's code.
 */
public final class CiSystem implements AutoCloseable {
    public static final String SOURCE = "https://ci.example.com/pipelines/scenarios";
    private final KafkaProducer<String, byte[]> producer;

    public CiSystem(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes one CloudEvent keyed by its subject; returns its id once the broker has it. */
    public String publish(String topic, String type, String subject, Instant time, String actor, Object data) {
        String id = UUID.randomUUID().toString();
        ObjectNode event = Http.JSON.createObjectNode()
                .put("specversion", "1.0").put("id", id).put("source", SOURCE).put("type", type)
                .put("subject", subject).put("time", time.toString())
                .put("datacontenttype", "application/json").put("actor", actor);
        event.set("data", Http.JSON.valueToTree(data));
        return send(topic, subject, Http.write(event).getBytes(StandardCharsets.UTF_8), id);
    }

    /** Bytes as they are: a malformed event from a system that got the contract wrong. */
    public void publishRaw(String topic, String key, String text) {
        send(topic, key, text.getBytes(StandardCharsets.UTF_8), key);
    }

    private String send(String topic, String key, byte[] value, String id) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(20, TimeUnit.SECONDS);
            return id;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the event on " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
