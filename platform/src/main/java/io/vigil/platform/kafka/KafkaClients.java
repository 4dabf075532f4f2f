package io.vigil.platform.kafka;

import io.vigil.events.EventCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.vigil.platform.config.VigilConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;

/** The one producer a service uses for the outbox relay and dead letters: idempotent, acks=all, ordered per key. */
@ApplicationScoped
public class KafkaClients {
    private final VigilConfig.Kafka config;
    private final String clientId;
    private volatile KafkaProducer<String, byte[]> producer;

    public KafkaClients(VigilConfig config, @ConfigProperty(name = "quarkus.application.name") String clientId) {
        this.config = config.kafka();
        this.clientId = clientId;
    }

    @Produces
    @ApplicationScoped
    Producer<String, byte[]> producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, clientId + "-relay",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, config.producer().lingerMs(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.producer().requestTimeout().toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.producer().deliveryTimeout().toMillis(),
                // a broker that is down must not block the caller's thread (and its transaction) for long
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.producer().deliveryTimeout().toMillis()),
                new StringSerializer(), new ByteArraySerializer());
        return producer;
    }

    @Produces
    @ApplicationScoped
    EventCodec codec() {
        return new EventCodec();
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
