package io.vigil.bench;

import io.vigil.events.EventCodec;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The inbound path of a service that writes through the platform's pipeline, beside the raw Kafka consumer
 * rate of the same records in the same run: N_INBOX deploy.started events on a fresh topic are applied by the packaged
 * ownership-service (decode and schema check, processed-event row, load the aggregate, decide, event store + outbox +
 * projection, one transaction per event) — started first, with the deploys' owners registered over HTTP, since it
 * refuses owners it does not know — and then read by a plain consumer. The applied rate is measured between the
 * first and the last processed_event row. Not a test: nothing is asserted.
 */
public final class InboxBenchmark {
    static final String CONSUMER = "ownership.deploys";

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.load();
        int n = Integer.getInteger("bench.n-inbox", 10_000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = "jdbc:postgresql://" + config.pgHost() + ":" + config.pgPort() + "/ownership_test";
        Cleanup cleanup = new Cleanup();
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::runAll));
        try {
            BenchTopic topic = BenchTopic.create(config.kafkaBootstrap(), "vigil-bench-inbox-" + run,
                    config.workDir().resolve("inbox-topic"));
            cleanup.add(topic::close);
            // the service refuses deploys whose owner it has not registered: it starts, registers them, then the events come
            Progress.say("inbox: starting ownership-service and registering the deploys' owners");
            ServiceUnderTest service = ServiceUnderTest.launch(config, "ownership-service",
                    Path.of("ownership-service/target/quarkus-app/quarkus-run.jar"), url, Map.of(
                            "mp.messaging.incoming.deploys.topic", topic.name,
                            "mp.messaging.incoming.deploys.group.id", "vigil-bench-inbox-" + run,
                            "quarkus.datasource.username", "ownership",
                            "quarkus.flyway.username", "ownership", "quarkus.flyway.password", "vigil-dev"));
            cleanup.add(service::close);
            service.awaitReady(config.startupTimeout());
            new OwnershipClient(service.url(), config.keycloakRealmUrl()).registerOwners();

            Progress.say("inbox: producing " + n + " deploy.started events to " + topic.name + "; ownership-service applies them");
            produce(config.kafkaBootstrap(), topic.name, n);
            double[] applied = awaitApplied(url, n, Duration.ofMinutes(30));

            Progress.say("inbox: raw consumer of the same records");
            RawConsumer.Result raw = RawConsumer.consumeAll(config.kafkaBootstrap(), topic.name, "vigil-bench-inbox-raw-" + run,
                    n, Duration.ofMinutes(5));

            System.out.println();
            System.out.println("Vigil inbox benchmark, run " + run + ": " + n + " deploy.started events, 3 partitions");
            System.out.printf(Locale.ROOT, "  raw Kafka consumer (same records)     %,10.0f records/s%n", raw.perSecond());
            System.out.printf(Locale.ROOT, "  ownership-service, applied (pipeline) %,10.0f events/s   (%.1f s for %d)%n",
                    n / applied[0], applied[0], n);
            System.out.printf(Locale.ROOT, "  pipeline / raw                        %10.4f%n", (n / applied[0]) / raw.perSecond());
        } finally {
            cleanup.runAll();
        }
    }

    private static void produce(String bootstrap, String topic, int n) {
        EventCodec codec = new EventCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            Instant at = Instant.now();
            for (int i = 0; i < n; i++) {
                String id = "dep-bench-" + i;
                VigilEvent<DeployStarted> e = VigilEvent.of(URI.create("https://ci.example.com"), id, at, "ci-publisher", null, null,
                        new DeployStarted(id, "checkout", "1.0." + i, "production", "oncall-" + (1 + i % 4),
                                "https://git.example.com/pr/" + i, true, "https://git.example.com/rollback/" + i, at));
                producer.send(EventCodec.structuredRecord(topic, id, codec.encode(e)));
            }
            producer.flush();
        }
    }

    /** Waits until the consumer has applied n events; returns the seconds between the first and the last. */
    private static double[] awaitApplied(String url, int n, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        try (Connection c = DriverManager.getConnection(url, "ownership", "vigil-dev"); Statement s = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), extract(epoch FROM max(processed_at) - min(processed_at)) "
                        + "FROM processed_event WHERE consumer = '" + CONSUMER + "'")) {
                    rs.next();
                    if (rs.getLong(1) >= n) {
                        return new double[]{rs.getDouble(2)};
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("ownership-service did not apply " + n + " events within " + within);
    }

    private InboxBenchmark() {
    }
}
