package io.vigil.ownership.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.ownership.application.DeployRegistration;
import io.vigil.platform.inbox.InboundEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Deploy events from CI/CD systems: a deploy that starts gets an owner; completions, rollbacks and rollout stages are recorded on it. */
@ApplicationScoped
public class DeployEventsConsumer {
    static final String CONSUMER = "ownership.deploys";

    private final InboundEvents inbound;
    private final DeployRegistration registration;

    public DeployEventsConsumer(InboundEvents inbound, DeployRegistration registration) {
        this.inbound = inbound;
        this.registration = registration;
    }

    @Incoming("deploys")
    @Blocking
    void consume(ConsumerRecord<String, byte[]> record) {
        inbound.accept(CONSUMER, record, registration::receivedFromCi);
    }
}
