package io.vigil.ownership.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.ownership.application.WindowTriggers;
import io.vigil.platform.inbox.InboundEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Incidents and kill-switch activations: during a deploy's window they require a post-mortem. */
@ApplicationScoped
public class WindowTriggersConsumer {
    static final String INCIDENTS = "ownership.incidents";
    static final String KILLSWITCH = "ownership.killswitch";

    private final InboundEvents inbound;
    private final WindowTriggers triggers;

    public WindowTriggersConsumer(InboundEvents inbound, WindowTriggers triggers) {
        this.inbound = inbound;
        this.triggers = triggers;
    }

    @Incoming("incidents")
    @Blocking
    void incident(ConsumerRecord<String, byte[]> record) {
        inbound.accept(INCIDENTS, record, triggers::received);
    }

    @Incoming("killswitch")
    @Blocking
    void killSwitch(ConsumerRecord<String, byte[]> record) {
        inbound.accept(KILLSWITCH, record, triggers::received);
    }
}
