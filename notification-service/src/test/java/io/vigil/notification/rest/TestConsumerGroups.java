package io.vigil.notification.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vigil.platform.testing.KafkaTestTopics;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Input topics and consumer groups of the test run's own for every channel: the tests see every record they produce
 * and none of the shared topics' history (other services' tests and the benchmarks keep growing it), and no other
 * notification-service on the machine (a local system of {@code make up}) sees the tests' events and answers them
 * with deliveries and {@code notification.sent} events of the same ids. {@link TestRoster} produces to these topics.
 */
public class TestConsumerGroups implements QuarkusTestResourceLifecycleManager {
    static final Map<String, String> TOPIC_BY_CHANNEL = Map.of(
            "roster", "vigil.roster",
            "incidents", "vigil.incidents",
            "killswitch", "vigil.killswitch",
            "ownership", "vigil.ownership");
    private static final String PROPERTY = "notification-it.topic."; // not vigil.*: that prefix is mapped strictly

    @Override
    public Map<String, String> start() {
        String run = UUID.randomUUID().toString();
        Map<String, String> config = new HashMap<>();
        TOPIC_BY_CHANNEL.forEach((channel, topic) -> {
            String own = "notification-it-" + channel + "-" + run;
            KafkaTestTopics.create(own, 3);
            System.setProperty(PROPERTY + topic, own);
            config.put("mp.messaging.incoming." + channel + ".topic", own);
            config.put("mp.messaging.incoming." + channel + ".group.id", own);
        });
        return config;
    }

    /** The topic the tests produce to in place of a vigil.* topic. */
    static String topicFor(String topic) {
        return System.getProperty(PROPERTY + topic, topic);
    }

    @Override
    public void stop() {
    }
}
