package io.vigil.platform.deadletter;

import io.vigil.events.Topics;
import io.vigil.platform.metrics.PlatformMeters;
import io.vigil.platform.metrics.PlatformMeters.DeadLetterReason;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Moves a record a consumer cannot use to {@code vigil.dead-letter}: the original key, value and
 * headers, plus why, who gave up, and where it came from. Waits for the broker's ack, so the caller
 * may commit the original offset afterwards without losing the record.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String REASON = "dead-letter-reason";
    public static final String CONSUMER = "dead-letter-consumer";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Producer<String, byte[]> producer;
    private final PlatformMeters meters;

    public DeadLetters(Producer<String, byte[]> producer, PlatformMeters meters) {
        this.producer = producer;
        this.meters = meters;
    }

    public void send(ConsumerRecord<String, byte[]> record, String consumer, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.DEAD_LETTER, record.key(), record.value());
        for (Header h : record.headers()) {
            dead.headers().add(h);
        }
        header(dead, REASON, reason);
        header(dead, CONSUMER, consumer);
        header(dead, TOPIC, record.topic());
        header(dead, PARTITION, Integer.toString(record.partition()));
        header(dead, OFFSET, Long.toString(record.offset()));
        try {
            producer.send(dead).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "/" + record.partition() + "@" + record.offset(), e);
        }
        meters.deadLettered(consumer, DeadLetterReason.ofRecord(reason));
        LOG.warnf("dead-lettered %s/%d@%d for %s: %s", record.topic(), record.partition(), record.offset(), consumer, reason);
    }

    /**
     * Dead-letters something of this service's own making that has no source record, such as a timer that used
     * up its attempts: {@code origin} goes in {@value #TOPIC} (partition and offset do not apply). Waits for the
     * broker's ack, so the caller may record afterwards that it was sent.
     */
    public void sendOwn(String origin, String key, byte[] value, String consumer, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.DEAD_LETTER, key, value);
        header(dead, REASON, reason);
        header(dead, CONSUMER, consumer);
        header(dead, TOPIC, origin);
        try {
            producer.send(dead).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + origin + " " + key + " for " + consumer, e);
        }
        meters.deadLettered(consumer, DeadLetterReason.ofOwn(origin));
        LOG.warnf("dead-lettered %s %s for %s: %s", origin, key, consumer, reason);
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().remove(name);
        r.headers().add(name, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }
}
