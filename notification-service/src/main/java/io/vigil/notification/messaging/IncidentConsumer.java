package io.vigil.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.notification.application.IncidentIntake;
import io.vigil.platform.inbox.InboundEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Incidents from escalation-service: each event becomes the messages of the communication matrix. */
@ApplicationScoped
public class IncidentConsumer {
    static final String CONSUMER = "notification.incidents";
    private final InboundEvents inbound;
    private final IncidentIntake intake;

    public IncidentConsumer(InboundEvents inbound, IncidentIntake intake) {
        this.inbound = inbound;
        this.intake = intake;
    }

    @Incoming("incidents")
    @Blocking
    void incident(ConsumerRecord<String, byte[]> record) {
        inbound.accept(CONSUMER, record, intake::received);
    }
}
