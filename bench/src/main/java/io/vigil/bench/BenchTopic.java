package io.vigil.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The run's own topic (3 partitions, like the vigil.* topics) and consumer groups, removed again at the end.
 * While the topic exists its name is in {@code marker}, so that bench/run.sh can delete it should this JVM be killed.
 */
final class BenchTopic implements AutoCloseable {
    static final int PARTITIONS = 3;

    final String name;
    private final Admin admin;
    private final Path marker;

    private BenchTopic(String name, Admin admin, Path marker) {
        this.name = name;
        this.admin = admin;
        this.marker = marker;
    }

    static BenchTopic create(String bootstrap, String name, Path marker) throws Exception {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "vigil-bench-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, name + "\n");
            admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            admin.close();
            throw e;
        }
        return new BenchTopic(name, admin, marker);
    }

    /** Best effort: a group that is still in use is left for Kafka to expire. */
    void deleteGroups(Collection<String> groups) {
        try {
            admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("[bench] could not delete consumer groups " + groups + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
            Files.deleteIfExists(marker);
            System.out.println("[bench] deleted topic " + name);
        } catch (Exception e) {
            System.err.println("[bench] could not delete topic " + name + ": " + e.getMessage());
        } finally {
            admin.close();
        }
    }
}
