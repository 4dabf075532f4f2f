package io.vigil.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.notification.application.OwnershipIntake;
import io.vigil.platform.inbox.InboundEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Deploy-ownership events from ownership-service: missed checks, handoffs and post-mortem duty become notices. */
@ApplicationScoped
public class OwnershipConsumer {
    static final String CONSUMER = "notification.ownership";
    private final InboundEvents inbound;
    private final OwnershipIntake intake;

    public OwnershipConsumer(InboundEvents inbound, OwnershipIntake intake) {
        this.inbound = inbound;
        this.intake = intake;
    }

    @Incoming("ownership")
    @Blocking
    void ownership(ConsumerRecord<String, byte[]> record) {
        inbound.accept(CONSUMER, record, intake::received);
    }
}
