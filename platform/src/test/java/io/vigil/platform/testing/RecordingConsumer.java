package io.vigil.platform.testing;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.inbox.InboundEvents;
import io.vigil.platform.inbox.RejectedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer wired like a service's: real Kafka channel, the platform's inbound path, a handler with an effect. */
@jakarta.inject.Singleton // no client proxy: tests read its fields
public class RecordingConsumer {
    public static final String NAME = "platform-test";
    public final List<String> applied = new CopyOnWriteArrayList<>();
    private final InboundEvents inbound;

    public RecordingConsumer(InboundEvents inbound) {
        this.inbound = inbound;
    }

    @Incoming("platform-test")
    @Blocking
    void consume(ConsumerRecord<String, byte[]> record) {
        inbound.accept(NAME, record, event -> {
            if (event.payload() instanceof DeployStarted d && d.deployId().startsWith("reject")) {
                throw new RejectedEvent("deploy " + d.deployId() + " is not wanted here");
            }
            applied.add(event.id());
        });
    }
}
