package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Kafka broker of the fault run's own (infra/kafka.sh with a state directory and ports of its own), so that
 * restarting it disturbs no one else. Its data survives {@link #restart()}: a restart is a real broker restart.
 */
final class FaultsKafka implements AutoCloseable {
    private final Path apps = Path.of(System.getProperty("vigil.apps.dir", ".."));
    private final Path state;
    private final int port = Integer.getInteger("vigil.faults.kafka-port", 9292);
    private final int controllerPort = Integer.getInteger("vigil.faults.kafka-controller-port", 9293);

    FaultsKafka(Path state) {
        this.state = state;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** A fresh broker: whatever an earlier run left (a broker still running, its data) is gone first. */
    void startFresh() throws Exception {
        script("stop");
        deleteTree(state.resolve("kafka/data"));
        Files.deleteIfExists(state.resolve("kafka/cluster-id"));
        Path libs = state.resolve("kafka/libs");
        Path shared = apps.resolve(".vigil/kafka/libs");
        if (!Files.exists(libs.resolve(".pom.sha256")) && Files.exists(shared.resolve(".pom.sha256"))) {
            copyTree(shared, libs); // the jars the shared broker runs: no Maven run from inside a Maven run
        }
        script("start");
    }

    void restart() throws Exception {
        script("stop");
        script("start");
    }

    @Override
    public void close() throws Exception {
        script("stop");
    }

    /** Every record on a topic, as (CloudEvent id → times it is on the topic). */
    Map<String, Integer> idsOn(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> ids = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    ids.merge(eventId(json, r), 1, Integer::sum);
                }
            }
        }
        return ids;
    }

    private static String eventId(ObjectMapper json, ConsumerRecord<String, byte[]> r) {
        var header = r.headers().lastHeader("ce_id");
        if (header != null) {
            return new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            JsonNode node = json.readTree(r.value());
            return node.path("id").asText("offset:" + r.partition() + "/" + r.offset());
        } catch (IOException e) {
            return "unreadable:" + r.partition() + "/" + r.offset();
        }
    }

    private void script(String command) throws Exception {
        Files.createDirectories(state);
        Path log = state.resolve("kafka-script.log");
        ProcessBuilder pb = new ProcessBuilder(apps.resolve("infra/kafka.sh").toString(), command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("VIGIL_STATE", state.toString());
        pb.environment().put("VIGIL_KAFKA_PORT", Integer.toString(port));
        pb.environment().put("VIGIL_KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("infra/kafka.sh " + command + " (state " + state + ") failed; see " + log);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        deleteTree(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
