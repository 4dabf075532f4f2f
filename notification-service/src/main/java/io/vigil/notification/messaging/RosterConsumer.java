package io.vigil.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.notification.application.RosterIntake;
import io.vigil.platform.inbox.InboundEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** People, roles and the on-call schedule from ownership-service. */
@ApplicationScoped
public class RosterConsumer {
    static final String CONSUMER = "notification.roster";
    private final InboundEvents inbound;
    private final RosterIntake intake;

    public RosterConsumer(InboundEvents inbound, RosterIntake intake) {
        this.inbound = inbound;
        this.intake = intake;
    }

    @Incoming("roster")
    @Blocking
    void roster(ConsumerRecord<String, byte[]> record) {
        inbound.accept(CONSUMER, record, intake::received);
    }
}
