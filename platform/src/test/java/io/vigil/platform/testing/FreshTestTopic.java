package io.vigil.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.UUID;

/** A fresh topic and consumer group for the platform-test channel, so no earlier run's records interfere. */
public class FreshTestTopic implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        String topic = "test-" + UUID.randomUUID();
        KafkaTestTopics.create(topic, 3);
        return Map.of("mp.messaging.incoming.platform-test.topic", topic,
                "mp.messaging.incoming.platform-test.group.id", "platform-test-" + UUID.randomUUID());
    }

    @Override
    public void stop() {
    }
}
